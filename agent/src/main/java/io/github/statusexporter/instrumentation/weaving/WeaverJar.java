package io.github.statusexporter.instrumentation.weaving;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * The {@link Weaver}, from the jar inside the agent's jar that holds it and byte-buddy ({@value
 * #ENTRY}): ~1,850 class files that every JVM would otherwise index as it opens the agent's jar,
 * before {@code premain} (8-12 ms of each start, measured on JDK 25), for weaving that only
 * applications with a hooked server ever do. The JDK cannot read a jar inside a jar, so the first
 * weave copies it to a file of the temporary directory, removed when the JVM exits, and reads it
 * from there with a class loader of its own. Run from classes rather than the agent's jar (the unit
 * tests), there is no inner jar and the weaver is the agent loader's.
 */
final class WeaverJar {
  static final String ENTRY = "META-INF/status-exporter/weaver.jar";
  static final String WEAVER = "io.github.statusexporter.instrumentation.weaving.AdviceWeaver";

  // Guarded by WeaverJar.class: one copy and one loader per JVM; a failure is kept and thrown
  // again (said once per hooked server, as the exception of its weave), not tried again.
  private static Weaver weaver;
  private static Exception failure;

  private WeaverJar() {}

  /** The weaver, the first call loading it. */
  static synchronized Weaver weaver() throws Exception {
    if (failure != null) {
      throw failure;
    }
    if (weaver == null) {
      try {
        weaver =
            load(WeaverJar.class.getClassLoader(), Paths.get(System.getProperty("java.io.tmpdir")));
      } catch (Exception e) {
        failure = e;
        throw e;
      }
    }
    return weaver;
  }

  /**
   * @param agent the agent's class loader
   * @param directory where the inner jar is copied
   */
  static Weaver load(ClassLoader agent, Path directory)
      throws IOException, ReflectiveOperationException {
    Path copy;
    try (InputStream inner = agent.getResourceAsStream(ENTRY)) {
      if (inner == null) {
        return created(agent);
      }
      copy = copied(inner, directory);
    }
    try {
      return created(new URLClassLoader(new URL[] {copy.toUri().toURL()}, agent));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Files.deleteIfExists(copy);
      throw e;
    }
  }

  private static Weaver created(ClassLoader loader) throws ReflectiveOperationException {
    return (Weaver) Class.forName(WEAVER, true, loader).getDeclaredConstructor().newInstance();
  }

  private static Path copied(InputStream inner, Path directory) throws IOException {
    try {
      // A new name, readable by this user only: a name known in advance, in a directory others
      // write to, could be a jar someone else put there.
      // Removed at exit: the class loader reads it until then (its resources too, by path). A JVM
      // killed with SIGKILL leaves it behind.
      Path copy = Files.createTempFile(directory, "status-exporter-weaver-", ".jar");
      try {
        copy.toFile().deleteOnExit();
        Files.copy(inner, copy, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(copy);
        throw e;
      }
      return copy;
    } catch (IOException e) {
      throw new IOException(
          "cannot write the agent's weaving classes (byte-buddy, ~2.9 MB) to "
              + directory
              + " ("
              + e
              + "): give the JVM a writable temporary directory with -Djava.io.tmpdir=DIR",
          e);
    }
  }
}
