package io.github.statusexporter.jar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.util.EnumSet;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A jar inside the agent's jar ({@code META-INF/status-exporter/}): the JVM reads and checks every
 * entry of the agent's jar, interpreted, before {@code premain} (~6 µs each, measured on JDK 25),
 * so the agent keeps there only what runs before the application has started. The JDK cannot read a
 * jar inside a jar: the agent copies it to a new file of the temporary directory, removed when the
 * JVM exits, and reads it from there.
 */
public final class InnerJar {
  private InnerJar() {}

  /** The JVM's temporary directory, where the copies go. */
  public static Path temporaryDirectory() {
    return Paths.get(System.getProperty("java.io.tmpdir"));
  }

  /**
   * The agent's jar, from which its classes are loaded; empty when they come from a directory (the
   * agent's unit tests run from classes).
   */
  public static Optional<Path> agentJar() {
    try {
      CodeSource source = InnerJar.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return Optional.empty();
      }
      Path location = Paths.get(source.getLocation().toURI());
      return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
    } catch (URISyntaxException | RuntimeException notAFile) {
      return Optional.empty();
    }
  }

  /**
   * Read from the agent's jar as a zip file, not as the class loader's resource: that goes through
   * a {@code jar:} URL and the JDK's URL connections (~20 classes and ~0.2 MB of garbage at start).
   * The JDK shares the jar's index with the class loader's open copy of it. Where the agent's
   * classes come from no jar file (a system class loader of the application's own), from the class
   * loader's resource.
   *
   * @param agent the agent's class loader
   * @param agentJar the agent's jar ({@link #agentJar()})
   * @param entry the inner jar's name in the agent's jar
   * @param contents what it holds, for the message when it cannot be written
   * @return the copy, or empty when the agent runs from classes (its unit tests) and has no inner
   *     jar
   * @throws IOException naming the directory and the setting that chooses another
   */
  public static Optional<Path> copy(
      ClassLoader agent, Optional<Path> agentJar, String entry, String contents, Path directory)
      throws IOException {
    if (agentJar.isEmpty()) {
      try (InputStream inner = agent.getResourceAsStream(entry)) {
        return inner == null
            ? Optional.empty()
            : Optional.of(copied(inner, fileName(entry), contents, directory));
      }
    }
    try (ZipFile outer = new ZipFile(agentJar.get().toFile())) {
      ZipEntry inner = outer.getEntry(entry);
      if (inner == null) {
        return Optional.empty();
      }
      try (InputStream in = outer.getInputStream(inner)) {
        return Optional.of(copied(in, fileName(entry), contents, directory));
      }
    }
  }

  /** Deletes a copy that cannot be used, and its lock file. */
  public static void delete(Path copy) throws IOException {
    Files.deleteIfExists(copy);
    Files.deleteIfExists(StaleCopies.lockOf(copy));
  }

  private static String fileName(String entry) {
    String name = entry.substring(entry.lastIndexOf('/') + 1);
    return StaleCopies.PREFIX + name.substring(0, name.length() - ".jar".length()) + "-";
  }

  private static Path copied(InputStream inner, String prefix, String contents, Path directory)
      throws IOException {
    try {
      // Removed at exit: the class loader reads it until then (its resources too, by path). A JVM
      // killed outright leaves it behind, with its lock file, for StaleCopies to remove.
      Path copy = newFile(directory, prefix);
      try {
        // Written into the file made above, which keeps its owner-only permissions (a copy that
        // replaced it would be created anew, with the umask's).
        try (OutputStream out = Files.newOutputStream(copy)) {
          inner.transferTo(out);
        }
        // Once written: the JDK keeps every name given for removal at exit, and a copy that failed
        // (a full directory, tried again later) is removed at once below. The lock file first:
        // files go at exit in the reverse order, so a JVM killed in between leaves a lock file
        // alone rather than a copy that looks like an earlier agent's.
        StaleCopies.lockOf(copy).toFile().deleteOnExit();
        copy.toFile().deleteOnExit();
        StaleCopies.hold(copy); // false without file locks: then no JVM can remove it but this
      } catch (IOException | RuntimeException e) {
        delete(copy);
        throw e;
      }
      return copy;
    } catch (IOException e) {
      throw new IOException(
          "cannot write "
              + contents
              + " to "
              + directory
              + " ("
              + e
              + "): give the JVM a writable temporary directory with -Djava.io.tmpdir=DIR",
          e);
    }
  }

  /** Names tried before giving up: each taken by another file, which only a hostile user makes. */
  private static final int NAMES_TRIED = 100;

  /**
   * A new file, readable by this user only: a name known in advance, in a directory others write
   * to, could be a jar someone else put there, so the file is created where none is ({@code
   * CREATE_NEW}, which no link is followed to), under another name if one is. Not {@code
   * Files.createTempFile}, whose random names bring up the JDK's security providers and {@code
   * SecureRandom} (~45 classes, and reading the system's entropy) beside the application's first
   * requests; the creation itself is what keeps another user's file out.
   */
  private static Path newFile(Path directory, String prefix) throws IOException {
    return newFile(directory, prefix, System.nanoTime());
  }

  /**
   * As above, the names made from {@code unique}, then {@code unique + 1}, and so on. The copy's
   * lock file ({@link StaleCopies#lockOf}) is made with it, in the same way: a name whose lock file
   * is taken is passed over too.
   */
  static Path newFile(Path directory, String prefix, long unique) throws IOException {
    boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    for (int tried = 0; ; tried++) {
      Path file = directory.resolve(prefix + Long.toString(unique + tried, 36) + ".jar");
      try {
        createOwnerOnly(file, posix);
        try {
          createOwnerOnly(StaleCopies.lockOf(file), posix);
        } catch (IOException e) {
          Files.delete(file);
          throw e;
        }
        return file;
      } catch (FileAlreadyExistsException e) {
        if (tried + 1 >= NAMES_TRIED) {
          throw e;
        }
      }
    }
  }

  private static void createOwnerOnly(Path file, boolean posix) throws IOException {
    if (posix) {
      Files.createFile(
          file,
          PosixFilePermissions.asFileAttribute(
              EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
    } else {
      Files.createFile(file);
    }
  }
}
