package io.github.statusexporter.jar;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;

/**
 * A jar inside the agent's jar whose classes the system class loader, the agent's, loads: copied
 * out ({@link InnerJar}) and added to that loader's search path, so that the agent's classes and
 * the libraries stay in one loader.
 */
public final class SystemSearchJar {
  /** The copies added, as real paths: the agent's own code, wherever the JDK says it comes from. */
  private static final Set<Path> ADDED = ConcurrentHashMap.newKeySet();

  private final String entry;
  private final String contents;

  /** The copy, as opened by {@link #add}: see there why it stays open. Guarded by this. */
  private JarFile opened;

  /**
   * @param entry its name in the agent's jar
   * @param contents what it holds, for the message when it cannot be written
   */
  public SystemSearchJar(String entry, String contents) {
    this.entry = entry;
    this.contents = contents;
  }

  /**
   * Adds it to the system class loader's search path, once; nothing when the agent runs from
   * classes (its unit tests), whose class path holds the libraries.
   *
   * @throws IOException naming the directory and the setting that helps, when it cannot be written
   */
  public synchronized void add(Instrumentation instrumentation, Path directory) throws IOException {
    if (opened != null) {
      return;
    }
    Optional<Path> copy =
        InnerJar.copy(
            SystemSearchJar.class.getClassLoader(),
            InnerJar.agentJar(),
            entry,
            contents,
            directory);
    if (copy.isPresent()) {
      // The JDK takes the file's name: the system class loader opens it again when it first needs
      // a class from it. Kept open, so that the JDK shares the index of its entries read here with
      // the loader's rather than read it again; the loader keeps the file open for the JVM's life
      // anyway.
      JarFile jar = new JarFile(copy.get().toFile());
      try {
        instrumentation.appendToSystemClassLoaderSearch(jar);
      } catch (RuntimeException e) {
        jar.close();
        throw e;
      }
      opened = jar;
      ADDED.add(real(copy.get()));
    }
  }

  private static Path real(Path copy) {
    try {
      return copy.toRealPath();
    } catch (IOException e) {
      return copy.toAbsolutePath().normalize();
    }
  }

  /**
   * Whether classes from {@code location} (a real path) are the agent's own: a copy this JVM's
   * agent added to the system class loader.
   */
  public static boolean isAdded(Path location) {
    return ADDED.contains(location);
  }
}
