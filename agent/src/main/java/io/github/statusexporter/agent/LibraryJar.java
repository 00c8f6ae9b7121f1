package io.github.statusexporter.agent;

import io.github.statusexporter.jar.InnerJar;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * The agent's libraries (client_java with protobuf, snakeyaml, BouncyCastle, gson: ~1,130 class
 * files, relocated), from the jar inside the agent's jar that holds them ({@value #ENTRY}, {@link
 * InnerJar}): only the agent's start and what runs after it use them, and every JVM would otherwise
 * index their entries before {@code premain} (~6 ms of each start, JDK 25). Once the application
 * has started, the agent copies the jar out and adds it to the search path of the class loader that
 * loaded the agent, the system class loader, before any class of the agent that names a library
 * class is loaded ({@link Startup} and the servers' hooks): the agent's classes and the libraries
 * stay in one loader, as before.
 */
final class LibraryJar {
  static final String ENTRY = "META-INF/status-exporter/libraries.jar";

  /** The libraries' jar, as opened by {@link #add}: see there why it stays open. */
  private static JarFile opened;

  private LibraryJar() {}

  /**
   * Adds the libraries to the system class loader's search path; nothing when the agent runs from
   * classes (its unit tests), whose class path holds them.
   *
   * @throws IOException naming the directory and the setting that helps, when it cannot be written
   */
  static void add(Instrumentation instrumentation, Path directory) throws IOException {
    Optional<Path> copy =
        InnerJar.copy(
            LibraryJar.class.getClassLoader(),
            InnerJar.agentJar(),
            ENTRY,
            "the agent's libraries (client_java, snakeyaml, BouncyCastle, gson; ~1.9 MB)",
            directory);
    if (copy.isPresent()) {
      // The JDK takes the file's name: the system class loader opens it again when it first needs
      // a class from it. Kept open, so that the JDK shares the index of its entries read here with
      // the loader's (~1,100 entries, ~0.2 MB) rather than read it again; the loader keeps the
      // file open for the JVM's life anyway.
      JarFile jar = new JarFile(copy.get().toFile());
      try {
        instrumentation.appendToSystemClassLoaderSearch(jar);
      } catch (RuntimeException e) {
        jar.close();
        throw e;
      }
      opened = jar;
    }
  }
}
