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
 * The agent jar as built: minimized, with parts of its libraries left out by name, its libraries in
 * a jar inside it, those only some options need in another, and byte-buddy with the class that
 * weaves with it in a third (agent/pom.xml). A library class that the agent's own code names, and
 * that a filter there leaves out, would fail only when that code runs; this finds it in the jars'
 * files, without a launch.
 */
class AgentJarIT {
  private static final String SHADED = "io/github/statusexporter/shaded/";
  private static final Pattern SHADED_NAME =
      Pattern.compile(Pattern.quote(SHADED) + "[A-Za-z0-9_/$]+");
  private static final String WEAVER_JAR = "META-INF/status-exporter/weaver.jar";
  private static final String LIBRARIES_JAR = "META-INF/status-exporter/libraries.jar";
  private static final String OPTION_LIBRARIES_JAR =
      "META-INF/status-exporter/option-libraries.jar";

  /**
   * The agent's classes that name a library of {@link #OPTION_LIBRARIES_JAR}, which is added only
   * when an option needs it (OptionLibraries): each is loaded only after that, by code that the
   * option runs. A class new here must be too: a class loaded before would not find the library.
   */
  private static final Set<String> NAMING_OPTION_LIBRARIES =
      Set.of(
          "agent/LoadedByName", // never loaded: its class file is a list for the build
          "config/yaml/YamlFiles",
          "config/yaml/YamlMap",
          "config/mappingfile/ConfigFile",
          "config/web/WebConfigFile",
          "config/jmxexporter/JmxExporterConfig",
          "config/jmxexporter/HttpServerSecurity",
          "server/PemFiles",
          "server/BcryptHash");

  private static final String BYTE_BUDDY = SHADED + "net/bytebuddy/";

  @Test
  void everyLibraryClassTheAgentsClassesNameIsInTheJarsAndLoads(@TempDir Path directory)
      throws Exception {
    Path libraries = innerJar(LIBRARIES_JAR, directory);
    Path optionLibraries = innerJar(OPTION_LIBRARIES_JAR, directory);
    Path weaver = innerJar(WEAVER_JAR, directory);
    Map<Path, Set<String>> named = new LinkedHashMap<>();
    Map<Path, Set<String>> held = new LinkedHashMap<>();
    Set<String> adviceNamingByteBuddy = new TreeSet<>();
    Set<String> optionNamedBy = new TreeSet<>();
    Set<String> optionClasses = new TreeSet<>();
    try (ZipFile jar = new ZipFile(optionLibraries.toFile())) {
      jar.stream()
          .map(ZipEntry::getName)
          .filter(name -> name.endsWith(".class"))
          .forEach(name -> optionClasses.add(name.substring(0, name.length() - ".class".length())));
    }
    for (Path path : List.of(JavaProcess.AGENT_JAR, libraries, weaver)) {
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
            if (names.stream().anyMatch(optionClasses::contains)) {
              optionNamedBy.add(
                  name.substring("io/github/statusexporter/".length(), name.length() - 6)
                      .replaceAll("\\$.*", ""));
            }
            named.get(path).addAll(names);
          } else if (path.equals(libraries) && name.endsWith(".class")) {
            // The libraries every start adds must not need the optional ones.
            if (shadedNames(jar, entry).stream().anyMatch(optionClasses::contains)) {
              optionNamedBy.add(name);
            }
          }
        }
      }
    }
    assertThat(optionNamedBy)
        .as("classes naming the optional libraries")
        .isEqualTo(new TreeSet<>(NAMING_OPTION_LIBRARIES));
    // The outer jar's classes that name byte-buddy are advice, whose annotations the weaver reads
    // from their class files: byte-buddy is never loaded by the agent's loader.
    assertThat(adviceNamingByteBuddy)
        .as("classes of the agent's jar that name byte-buddy")
        .isNotEmpty()
        .allMatch(name -> name.endsWith("Advice.class"));
    Set<String> outerNamed = new TreeSet<>(named.get(JavaProcess.AGENT_JAR));
    outerNamed.removeIf(name -> name.startsWith(BYTE_BUDDY));
    Set<String> weaverNamed = named.get(weaver);
    List<String> missing = new ArrayList<>();
    for (String name : outerNamed) {
      if (!held.get(libraries).contains(name + ".class") && !optionClasses.contains(name)) {
        missing.add(name + " (named in the agent's jar)");
      }
    }
    for (String name : weaverNamed) {
      if (!held.get(libraries).contains(name + ".class")
          && !held.get(weaver).contains(name + ".class")) {
        missing.add(name + " (named in the weaver's jar)");
      }
    }
    assertThat(missing).as("library classes the agent names, missing from the jars").isEmpty();
    // Loading also needs each one's superclass and interfaces, which the jars must hold too. The
    // sizes say the scan found the names (100 in the agent's jar since its metric families are
    // its own, not client_java's metric classes).
    assertThat(outerNamed).hasSizeGreaterThan(50);
    assertThat(weaverNamed).hasSizeGreaterThan(10);
    // The system class loader with both libraries' jars added (LibraryJar, OptionLibraries), and
    // the weaver's loader under it (WeaverJar).
    try (URLClassLoader agent =
            new URLClassLoader(
                new URL[] {
                  JavaProcess.AGENT_JAR.toUri().toURL(),
                  libraries.toUri().toURL(),
                  optionLibraries.toUri().toURL()
                },
                ClassLoader.getPlatformClassLoader());
        URLClassLoader weaving = new URLClassLoader(new URL[] {weaver.toUri().toURL()}, agent)) {
      List<String> failed = new ArrayList<>();
      failed.addAll(notLoading(outerNamed, agent));
      failed.addAll(notLoading(weaverNamed, weaving));
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
  void theLibrariesAreInTheInnerJarsOnlyAndTheWeaversIsMultiRelease(@TempDir Path directory)
      throws IOException {
    List<String> outer;
    try (ZipFile jar = new ZipFile(JavaProcess.AGENT_JAR.toFile())) {
      outer = jar.stream().map(ZipEntry::getName).toList();
    }
    // What the JVM indexes before premain: the agent's own classes only.
    assertThat(outer).noneMatch(name -> name.startsWith(SHADED)).hasSizeLessThan(500);
    assertThat(outer).noneMatch(name -> name.startsWith("META-INF/versions/"));
    // Nor the weaver: the inner jar's loader asks the agent's first, which could not link it.
    assertThat(outer).noneMatch(name -> name.contains("/AdviceWeaver"));
    // The agent's classes stored: the class loader reads them without an inflater's buffer.
    try (ZipFile jar = new ZipFile(JavaProcess.AGENT_JAR.toFile())) {
      assertThat(jar.stream().filter(entry -> entry.getName().endsWith(".class")))
          .hasSizeGreaterThan(300)
          .allMatch(entry -> entry.getMethod() == ZipEntry.STORED);
    }
    try (JarFile libraries = new JarFile(innerJar(LIBRARIES_JAR, directory).toFile())) {
      assertThat(libraries.stream().filter(entry -> entry.getName().endsWith(".class")))
          .hasSizeBetween(100, 400)
          .allMatch(
              entry ->
                  entry.getName().startsWith(SHADED + "io/prometheus/metrics/")
                      || entry.getName().startsWith(SHADED + "com/google/gson/"))
          .allMatch(entry -> entry.getMethod() == ZipEntry.STORED);
    }
    try (JarFile options = new JarFile(innerJar(OPTION_LIBRARIES_JAR, directory).toFile())) {
      assertThat(options.stream().map(ZipEntry::getName))
          .filteredOn(name -> name.endsWith(".class"))
          .hasSizeGreaterThan(700)
          .allMatch(name -> name.startsWith(SHADED))
          .anyMatch(name -> name.startsWith(SHADED + "org/snakeyaml/"))
          .anyMatch(name -> name.startsWith(SHADED + "org/bouncycastle/"))
          .anyMatch(name -> name.contains("PrometheusProtobufWriterImpl"))
          .noneMatch(name -> name.startsWith(BYTE_BUDDY));
    }
    try (JarFile weaver = new JarFile(innerJar(WEAVER_JAR, directory).toFile())) {
      assertThat(weaver.isMultiRelease()).isTrue();
      assertThat(
              weaver.getEntry(
                  "io/github/statusexporter/instrumentation/weaving/AdviceWeaver.class"))
          .isNotNull();
      assertThat(weaver.stream().map(ZipEntry::getName))
          .filteredOn(name -> name.startsWith(BYTE_BUDDY))
          .hasSizeGreaterThan(1_000);
      assertThat(weaver.stream().map(ZipEntry::getName))
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

  /** A jar inside the agent's jar, copied out as the agent does. */
  private static Path innerJar(String entry, Path directory) throws IOException {
    Path inner = directory.resolve(entry.substring(entry.lastIndexOf('/') + 1));
    try (ZipFile jar = new ZipFile(JavaProcess.AGENT_JAR.toFile());
        InputStream in = jar.getInputStream(jar.getEntry(entry))) {
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
