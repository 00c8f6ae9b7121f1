package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent jar as built: minimized, with parts of its libraries left out by name, and byte-buddy
 * with the class that weaves with it in a jar inside it (agent/pom.xml). A library class that the
 * agent's own code names, and that a filter there leaves out, would fail only when that code runs;
 * this finds it in the jars' files, without a launch.
 */
class AgentJarIT {
  private static final String SHADED = "io/github/statusexporter/shaded/";
  private static final Pattern SHADED_NAME =
      Pattern.compile(Pattern.quote(SHADED) + "[A-Za-z0-9_/$]+");
  private static final String INNER_JAR = "META-INF/status-exporter/weaver.jar";
  private static final String BYTE_BUDDY = SHADED + "net/bytebuddy/";

  @Test
  void everyLibraryClassTheAgentsClassesNameIsInTheJarsAndLoads(@TempDir Path directory)
      throws Exception {
    Path inner = innerJar(directory);
    Map<Path, Set<String>> named = new LinkedHashMap<>();
    Map<Path, Set<String>> held = new LinkedHashMap<>();
    Set<String> adviceNamingByteBuddy = new TreeSet<>();
    for (Path path : List.of(JavaProcess.AGENT_JAR, inner)) {
      named.put(path, new TreeSet<>());
      held.put(path, new TreeSet<>());
      try (ZipFile jar = new ZipFile(path.toFile())) {
        for (ZipEntry entry : jar.stream().toList()) {
          String name = entry.getName();
          held.get(path).add(name);
          if (name.startsWith("io/github/statusexporter/")
              && !name.startsWith(SHADED)
              && name.endsWith(".class")) {
            Set<String> names = shadedNames(jar, entry);
            if (path.equals(JavaProcess.AGENT_JAR)
                && names.stream().anyMatch(each -> each.startsWith(BYTE_BUDDY))) {
              adviceNamingByteBuddy.add(name);
            }
            named.get(path).addAll(names);
          }
        }
      }
    }
    // The outer jar's classes that name byte-buddy are advice, whose annotations the weaver reads
    // from their class files: byte-buddy is never loaded by the agent's loader.
    assertThat(adviceNamingByteBuddy)
        .as("classes of the agent's jar that name byte-buddy")
        .isNotEmpty()
        .allMatch(name -> name.endsWith("Advice.class"));
    Set<String> outerNamed = new TreeSet<>(named.get(JavaProcess.AGENT_JAR));
    outerNamed.removeIf(name -> name.startsWith(BYTE_BUDDY));
    Set<String> innerNamed = named.get(inner);
    List<String> missing = new ArrayList<>();
    for (String name : outerNamed) {
      if (!held.get(JavaProcess.AGENT_JAR).contains(name + ".class")) {
        missing.add(name + " (named in the agent's jar)");
      }
    }
    for (String name : innerNamed) {
      if (!held.get(JavaProcess.AGENT_JAR).contains(name + ".class")
          && !held.get(inner).contains(name + ".class")) {
        missing.add(name + " (named in the inner jar)");
      }
    }
    assertThat(missing).as("library classes the agent names, missing from the jars").isEmpty();
    // Loading also needs each one's superclass and interfaces, which the jars must hold too.
    assertThat(outerNamed).hasSizeGreaterThan(100);
    assertThat(innerNamed).hasSizeGreaterThan(10);
    // The agent's loader and the inner jar's, as WeaverJar makes them.
    try (URLClassLoader agent =
            new URLClassLoader(
                new URL[] {JavaProcess.AGENT_JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        URLClassLoader weaving = new URLClassLoader(new URL[] {inner.toUri().toURL()}, agent)) {
      List<String> failed = new ArrayList<>();
      failed.addAll(notLoading(outerNamed, agent));
      failed.addAll(notLoading(innerNamed, weaving));
      assertThat(failed).as("library classes the agent names that do not load").isEmpty();
    }
  }

  private static List<String> notLoading(Set<String> names, ClassLoader loader) {
    List<String> failed = new ArrayList<>();
    for (String name : names) {
      try {
        Class.forName(name.replace('/', '.'), false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        failed.add(name + ": " + e);
      }
    }
    return failed;
  }

  @Test
  void byteBuddyIsInTheInnerJarOnlyWhichIsMultiRelease(@TempDir Path directory) throws IOException {
    List<String> outer;
    try (ZipFile jar = new ZipFile(JavaProcess.AGENT_JAR.toFile())) {
      outer = jar.stream().map(ZipEntry::getName).toList();
    }
    // What the JVM indexes before premain: the agent's own classes and the other libraries.
    assertThat(outer).noneMatch(name -> name.contains(BYTE_BUDDY)).hasSizeLessThan(1_600);
    assertThat(outer).noneMatch(name -> name.startsWith("META-INF/versions/"));
    // Nor the weaver: the inner jar's loader asks the agent's first, which could not link it.
    assertThat(outer).noneMatch(name -> name.contains("/AdviceWeaver"));
    try (JarFile inner = new JarFile(innerJar(directory).toFile())) {
      assertThat(inner.isMultiRelease()).isTrue();
      assertThat(
              inner.getEntry("io/github/statusexporter/instrumentation/weaving/AdviceWeaver.class"))
          .isNotNull();
      assertThat(inner.stream().map(ZipEntry::getName))
          .filteredOn(name -> name.startsWith(BYTE_BUDDY))
          .hasSizeGreaterThan(1_000);
      assertThat(inner.stream().map(ZipEntry::getName))
          .filteredOn(name -> name.startsWith("META-INF/versions/"))
          .isNotEmpty()
          .allMatch(name -> name.contains(BYTE_BUDDY));
    }
  }

  @Test
  void theJarWeighsAtMostSixMebibytes() throws IOException {
    // docs/performance.md, "Jar: what each dependency weighs", says where the bytes go.
    assertThat(Files.size(JavaProcess.AGENT_JAR)).isLessThanOrEqualTo(6L * 1024 * 1024);
  }

  /** The jar inside the agent's jar, copied out as the agent does. */
  private static Path innerJar(Path directory) throws IOException {
    Path inner = directory.resolve("weaver.jar");
    try (ZipFile jar = new ZipFile(JavaProcess.AGENT_JAR.toFile());
        InputStream in = jar.getInputStream(jar.getEntry(INNER_JAR))) {
      Files.copy(in, inner);
    }
    return inner;
  }

  /** The shaded classes a class file names: in its references, descriptors and signatures. */
  private static Set<String> shadedNames(ZipFile jar, ZipEntry entry) throws IOException {
    Set<String> names = new TreeSet<>();
    try (InputStream in = jar.getInputStream(entry)) {
      // Class names are plain ASCII in the constant pool's UTF-8 entries: ISO-8859-1 keeps them.
      Matcher matcher =
          SHADED_NAME.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
      while (matcher.find()) {
        names.add(matcher.group());
      }
    }
    return names;
  }
}
