package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The agent jar as built: minimized, with parts of its libraries left out by name (agent/pom.xml).
 * A library class that the agent's own code names, and that a filter there leaves out, would fail
 * only when that code runs; this finds it in the jar's files, without a launch.
 */
class AgentJarIT {
  private static final String SHADED = "io/github/statusexporter/shaded/";
  private static final Pattern SHADED_NAME =
      Pattern.compile(Pattern.quote(SHADED) + "[A-Za-z0-9_/$]+");

  @Test
  void everyLibraryClassTheAgentsClassesNameIsInTheJarAndLoads() throws Exception {
    Set<String> named = new TreeSet<>();
    try (ZipFile jar = new ZipFile(JavaProcess.AGENT_JAR.toFile())) {
      List<? extends ZipEntry> entries = jar.stream().toList();
      for (ZipEntry entry : entries) {
        String name = entry.getName();
        if (name.startsWith("io/github/statusexporter/")
            && !name.startsWith(SHADED)
            && name.endsWith(".class")) {
          named.addAll(shadedNames(jar, entry));
        }
      }
      List<String> missing = new ArrayList<>();
      for (String name : named) {
        if (jar.getEntry(name + ".class") == null) {
          missing.add(name);
        }
      }
      assertThat(missing).as("library classes the agent names, missing from the jar").isEmpty();
    }
    // Loading also needs each one's superclass and interfaces, which the jar must hold too.
    assertThat(named).hasSizeGreaterThan(100);
    URL jarUrl = JavaProcess.AGENT_JAR.toUri().toURL();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jarUrl}, ClassLoader.getPlatformClassLoader())) {
      List<String> failed = new ArrayList<>();
      for (String name : named) {
        try {
          Class.forName(name.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          failed.add(name + ": " + e);
        }
      }
      assertThat(failed).as("library classes the agent names that do not load").isEmpty();
    }
  }

  @Test
  void theJarWeighsAtMostSixMebibytes() throws IOException {
    // docs/performance.md, "Jar: what each dependency weighs", says where the bytes go.
    assertThat(Files.size(JavaProcess.AGENT_JAR)).isLessThanOrEqualTo(6L * 1024 * 1024);
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
