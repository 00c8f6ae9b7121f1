package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
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
 * The agent jar as built: minimized, with parts of its libraries left out by name; holding only the
 * classes that run before the application has started, the others and the libraries every start
 * reads in a jar inside it, those only some options need in another, and byte-buddy with the class
 * that weaves with it in a third (agent/pom.xml). A class that the agent's own code names, and that
 * a filter there leaves out or puts in a jar not yet added, would fail only when that code runs;
 * this finds it in the jars' files, without a launch.
 */
class AgentJarIT {
  private static final String AGENT = "io/github/statusexporter/";
  private static final String SHADED = AGENT + "shaded/";
  private static final Pattern SHADED_NAME =
      Pattern.compile(Pattern.quote(SHADED) + "[A-Za-z0-9_/$]+");
  private static final Pattern AGENT_NAME =
      Pattern.compile(Pattern.quote(AGENT) + "(?!shaded/)[A-Za-z0-9_/$]+");
  private static final String WEAVER_JAR = "META-INF/status-exporter/weaver.jar";
  private static final String AFTER_START_JAR = "META-INF/status-exporter/after-start.jar";
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

  /**
   * The classes of the agent's jar (the start classes, agent/pom.xml) that name a class of {@link
   * #AFTER_START_JAR}, with the class they name: each runs the code that loads it only after that
   * jar is added, as the application has started (AfterStartJar). A reference new here must be too,
   * or its class must join the start classes: a class loaded before would not be found. Listed by
   * outer class (its nested classes with it) and target: a new path to a listed target in the same
   * class is not flagged, so review one as a new reference. Library classes the start classes name
   * (client_java's interfaces in the request path) follow the same rule, unlisted.
   */
  private static final Set<String> NAMING_AFTER_START =
      Set.of(
          // After adding it (AgentStart.AfterApplicationStart).
          "agent/AgentStart -> agent/Startup",
          // Read from the mapping file as the agent starts; the options only parse the address.
          "config/mappingfile/HttpSource -> config/yaml/YamlMap",
          "config/mappingfile/MBeanSource -> config/yaml/YamlMap",
          "config/mappingfile/SourceKind -> config/yaml/YamlMap",
          "config/mappingfile/SourceKinds -> config/yaml/YamlMap",
          // The sources are opened as the agent starts.
          "config/mappingfile/HttpSource -> source/HttpStatusSource",
          "config/mappingfile/MBeanSource -> source/MBeanStatusSource",
          // The series of servers left out are made as the agent starts.
          "instrumentation/MeasuredServers -> family/InfoFamily",
          // Requests answered before the start are kept (EarlyRequests) and recorded after it.
          "instrumentation/RequestRecording -> instrumentation/RequestMetrics",
          "instrumentation/RouteRecorder -> instrumentation/RequestMetrics",
          "instrumentation/jdk/EarlyRequests -> instrumentation/RequestMetrics",
          "instrumentation/jdk/JdkServerInstrumentation -> instrumentation/RequestMetrics",
          "instrumentation/jdk/RecordingFilter -> instrumentation/RequestMetrics");

  /** Named by a system property for the JDK to load, when the application creates a server. */
  private static final String PROVIDER = AGENT + "instrumentation/jdk/InstrumentingServerProvider";

  @Test
  void everyLibraryClassTheAgentsClassesNameIsInTheJarsAndLoads(@TempDir Path directory)
      throws Exception {
    Path afterStart = innerJar(AFTER_START_JAR, directory);
    Path optionLibraries = innerJar(OPTION_LIBRARIES_JAR, directory);
    Path weaver = innerJar(WEAVER_JAR, directory);
    Set<String> agentNamed = new TreeSet<>();
    Set<String> weaverNamed = new TreeSet<>();
    Map<Path, Set<String>> held = new LinkedHashMap<>();
    Set<String> adviceNamingByteBuddy = new TreeSet<>();
    Set<String> optionNamedBy = new TreeSet<>();
    Set<String> optionClasses = classes(optionLibraries);
    for (Path path : List.of(JavaProcess.AGENT_JAR, afterStart, weaver)) {
      held.put(path, new TreeSet<>());
      try (ZipFile jar = new ZipFile(path.toFile())) {
        for (ZipEntry entry : jar.stream().toList()) {
          String name = entry.getName();
          held.get(path).add(name);
          if (name.startsWith(AGENT) && !name.startsWith(SHADED) && name.endsWith(".class")) {
            Set<String> names = names(SHADED_NAME, jar, entry);
            if (names.stream().anyMatch(each -> each.startsWith(BYTE_BUDDY))
                && !path.equals(weaver)) {
              adviceNamingByteBuddy.add(name);
            }
            if (names.stream().anyMatch(optionClasses::contains)) {
              optionNamedBy.add(
                  name.substring(AGENT.length(), name.length() - 6).replaceAll("\\$.*", ""));
            }
            (path.equals(weaver) ? weaverNamed : agentNamed).addAll(names);
          } else if (path.equals(afterStart) && name.endsWith(".class")) {
            // The libraries every start adds must not need the optional ones.
            if (names(SHADED_NAME, jar, entry).stream().anyMatch(optionClasses::contains)) {
              optionNamedBy.add(name);
            }
          }
        }
      }
    }
    assertThat(optionNamedBy)
        .as("classes naming the optional libraries")
        .isEqualTo(new TreeSet<>(NAMING_OPTION_LIBRARIES));
    // The agent's classes that name byte-buddy are advice, whose annotations the weaver reads
    // from their class files: byte-buddy is never loaded by the agent's loader.
    assertThat(adviceNamingByteBuddy)
        .as("classes of the agent that name byte-buddy")
        .isNotEmpty()
        .allMatch(name -> name.endsWith("Advice.class"));
    agentNamed.removeIf(name -> name.startsWith(BYTE_BUDDY));
    List<String> missing = new ArrayList<>();
    for (String name : agentNamed) {
      if (!held.get(afterStart).contains(name + ".class") && !optionClasses.contains(name)) {
        missing.add(name + " (named by the agent's classes)");
      }
    }
    for (String name : weaverNamed) {
      if (!held.get(afterStart).contains(name + ".class")
          && !held.get(weaver).contains(name + ".class")) {
        missing.add(name + " (named in the weaver's jar)");
      }
    }
    assertThat(missing).as("library classes the agent names, missing from the jars").isEmpty();
    // Loading also needs each one's superclass and interfaces, which the jars must hold too. The
    // sizes say the scan found the names (100 by the agent's classes since its metric families are
    // its own, not client_java's metric classes).
    assertThat(agentNamed).hasSizeGreaterThan(50);
    assertThat(weaverNamed).hasSizeGreaterThan(10);
    // The system class loader with the inner jars added (AfterStartJar, OptionLibraries), and the
    // weaver's loader under it (WeaverJar).
    try (URLClassLoader agent =
            new URLClassLoader(
                new URL[] {
                  JavaProcess.AGENT_JAR.toUri().toURL(),
                  afterStart.toUri().toURL(),
                  optionLibraries.toUri().toURL()
                },
                ClassLoader.getPlatformClassLoader());
        URLClassLoader weaving = new URLClassLoader(new URL[] {weaver.toUri().toURL()}, agent)) {
      List<String> failed = new ArrayList<>();
      failed.addAll(notLoading(agentNamed, agent));
      failed.addAll(notLoading(weaverNamed, weaving));
      assertThat(failed).as("library classes the agent names that do not load").isEmpty();
    }
  }

  /**
   * The classes the JVM starts the agent with (premain, agentmain, the command line's main) and the
   * JDK server's provider, and every class of the agent they name, transitively, are in the agent's
   * jar, but for the references {@link #NAMING_AFTER_START} lists; and nothing else is: a class no
   * start class names belongs in the jar added after the start. Each start class then loads, links
   * and initializes with the agent's jar alone, as before the start and in a command line's JVM.
   */
  @Test
  void theAgentsJarHoldsWhatRunsBeforeTheStartAndOnlyThat(@TempDir Path directory)
      throws Exception {
    Set<String> start = classes(JavaProcess.AGENT_JAR);
    Set<String> afterStart = classes(innerJar(AFTER_START_JAR, directory));
    List<String> roots = new ArrayList<>(List.of(PROVIDER));
    try (JarFile jar = new JarFile(JavaProcess.AGENT_JAR.toFile())) {
      for (String attribute : List.of("Premain-Class", "Agent-Class", "Main-Class")) {
        roots.add(jar.getManifest().getMainAttributes().getValue(attribute).replace('.', '/'));
      }
      Set<String> reached = new TreeSet<>(roots);
      Set<String> namingAfterStart = new TreeSet<>();
      List<String> notInEither = new ArrayList<>();
      ArrayDeque<String> next = new ArrayDeque<>(roots);
      while (!next.isEmpty()) {
        String type = next.pop();
        ZipEntry entry = jar.getEntry(type + ".class");
        assertThat(entry).as(type + " in the agent's jar").isNotNull();
        for (String named : names(AGENT_NAME, jar, entry)) {
          if (start.contains(named)) {
            if (reached.add(named)) {
              next.add(named);
            }
          } else if (afterStart.contains(named)) {
            namingAfterStart.add(
                shortName(type).replaceAll("\\$.*", "") + " -> " + shortName(named));
          } else if (named.matches(".*/[A-Z][^/]*")) {
            notInEither.add(named + " (named by " + type + ")");
          }
        }
      }
      assertThat(notInEither).as("classes the start classes name, in neither jar").isEmpty();
      assertThat(namingAfterStart)
          .as(
              "start classes naming a class of the after-start jar: add it to start.classes in"
                  + " agent/pom.xml, or load it only after the start and list it here")
          .isEqualTo(new TreeSet<>(NAMING_AFTER_START));
      Set<String> unneeded = new TreeSet<>(start);
      unneeded.removeAll(reached);
      assertThat(unneeded)
          .as("classes of the agent's jar no start class names: take them out of start.classes")
          .isEmpty();
    }
    assertThat(start).as("classes in both jars").doesNotContainAnyElementsOf(afterStart);
    try (URLClassLoader alone =
        new URLClassLoader(
            new URL[] {JavaProcess.AGENT_JAR.toUri().toURL()},
            ClassLoader.getPlatformClassLoader())) {
      List<String> failed = new ArrayList<>();
      for (String type : start) {
        try {
          Class.forName(type.replace('/', '.'), true, alone);
        } catch (ClassNotFoundException | LinkageError e) {
          failed.add(type + ": " + e);
        }
      }
      assertThat(failed).as("start classes that fail with the agent's jar alone").isEmpty();
    }
  }

  private static String shortName(String type) {
    return type.substring(AGENT.length());
  }

  /** The classes a jar holds, by name without {@code .class}. */
  private static Set<String> classes(Path path) throws IOException {
    Set<String> classes = new TreeSet<>();
    try (ZipFile jar = new ZipFile(path.toFile())) {
      jar.stream()
          .map(ZipEntry::getName)
          .filter(name -> name.endsWith(".class"))
          .forEach(name -> classes.add(name.substring(0, name.length() - ".class".length())));
    }
    return classes;
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
    // What the JVM indexes before premain: the agent's start classes only.
    assertThat(outer).noneMatch(name -> name.startsWith(SHADED)).hasSizeLessThan(150);
    assertThat(outer).noneMatch(name -> name.startsWith("META-INF/versions/"));
    // Nor the weaver: the inner jar's loader asks the agent's first, which could not link it.
    assertThat(outer).noneMatch(name -> name.contains("/AdviceWeaver"));
    // The agent's classes stored: the class loader reads them without an inflater's buffer.
    try (ZipFile jar = new ZipFile(JavaProcess.AGENT_JAR.toFile())) {
      assertThat(jar.stream().filter(entry -> entry.getName().endsWith(".class")))
          .hasSizeGreaterThan(50)
          .allMatch(entry -> entry.getMethod() == ZipEntry.STORED);
    }
    try (JarFile afterStart = new JarFile(innerJar(AFTER_START_JAR, directory).toFile())) {
      List<ZipEntry> classes =
          afterStart.stream()
              .filter(entry -> entry.getName().endsWith(".class"))
              .map(ZipEntry.class::cast)
              .toList();
      assertThat(classes)
          .allMatch(entry -> entry.getMethod() == ZipEntry.STORED)
          .allMatch(
              entry ->
                  entry.getName().startsWith(SHADED + "io/prometheus/metrics/")
                      || entry.getName().startsWith(SHADED + "com/google/gson/")
                      || !entry.getName().startsWith(SHADED));
      assertThat(classes)
          .filteredOn(entry -> entry.getName().startsWith(SHADED))
          .hasSizeBetween(100, 400);
      assertThat(classes)
          .filteredOn(entry -> !entry.getName().startsWith(SHADED))
          .hasSizeGreaterThan(200)
          .noneMatch(entry -> entry.getName().contains("/AdviceWeaver"));
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

  /** The classes a class file names, by {@code pattern}: in references, descriptors, signatures. */
  private static Set<String> names(Pattern pattern, ZipFile jar, ZipEntry entry)
      throws IOException {
    Set<String> names = new TreeSet<>();
    try (InputStream in = jar.getInputStream(entry)) {
      // Class names are plain ASCII in the constant pool's UTF-8 entries: ISO-8859-1 keeps them.
      Matcher matcher = pattern.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
      while (matcher.find()) {
        names.add(matcher.group());
      }
    }
    return names;
  }
}
