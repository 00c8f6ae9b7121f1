package io.github.statusexporter.jar;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies of the inner jars ({@link InnerJar}) that JVMs killed outright left behind: a JVM removes
 * its copies as it exits, but not when killed with {@code SIGKILL} (the kernel's out-of-memory
 * killer, a container's memory limit, {@code kill -9}), and each start then left ~1.7 MB more (~3.4
 * MB when an option needs the other libraries) in the temporary directory, which outlives a
 * restarted container when it is a shared volume.
 *
 * <p>Each copy has a lock file beside it ({@link #lockOf}), made before it, which its JVM locks
 * once the copy is written and holds to its end; the operating system drops the lock with the
 * process, however it ends. Not the copy itself: a POSIX lock goes when the process closes any
 * descriptor of its file, and the JVM opens and closes the copy as it adds it to the class path
 * (for the same reason this JVM never opens its own lock files again, told by their file keys,
 * whatever the directory's spelling). A lock file older than {@link #MIN_AGE} (a copy being written
 * is not locked yet) that nobody holds is stale, and its copy with it. Locks work across containers
 * sharing the directory, where process numbers would not. Left alone: copies without a lock file
 * (made by an agent before this one, which may still run), files of other users than the one this
 * JVM's copies belong to (a JVM running as root too), links, and everything on a file system
 * without locks, where no JVM can hold or take one.
 */
public final class StaleCopies {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  static final Duration MIN_AGE = Duration.ofMinutes(1);

  static final String PREFIX = "status-exporter-";
  static final String SUFFIX = ".jar";
  private static final String LOCK = ".lock";

  /** The copies' names, as {@link InnerJar} makes them, for messages. */
  public static final String NAMES = PREFIX + "*" + SUFFIX;

  /**
   * The channels that hold this JVM's locks, by their lock files' keys ({@link #keyOf}): a channel
   * the garbage collector reclaimed would close its file, and the lock with it.
   */
  private static final Map<Object, FileChannel> HELD = new ConcurrentHashMap<>();

  /** The user this JVM's copies belong to, once it holds one: whose files it looks at. */
  private static volatile UserPrincipal owner;

  /** Why the lock of a copy of this JVM's could not be taken, or null. */
  private static volatile String lockFailure;

  private StaleCopies() {}

  /** The lock file of a copy. */
  static Path lockOf(Path copy) {
    return copy.resolveSibling(copy.getFileName() + LOCK);
  }

  /**
   * Locks the lock file of {@code copy}, made with it, until this JVM ends.
   *
   * @return false when the file system has no locks: the copy is then the JVM's exit's to remove,
   *     and no other JVM can take a lock on it to remove it either
   */
  static boolean hold(Path copy) {
    Path lock = lockOf(copy);
    try {
      FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE, NOFOLLOW);
      try {
        try {
          channel.lock();
        } catch (IOException | RuntimeException e) {
          lockFailure = String.valueOf(e); // the lock itself, not the files around it
          throw e;
        }
        HELD.put(
            keyOf(lock, Files.readAttributes(lock, BasicFileAttributes.class, NOFOLLOW)), channel);
        owner = Files.getOwner(lock, NOFOLLOW);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Why this JVM could not take the lock of a copy of its own (a file system without locks), if it
   * could not: then no JVM removes the copies that JVMs killed outright leave there.
   */
  public static Optional<String> lockFailure() {
    return Optional.ofNullable(lockFailure);
  }

  /** A lock file's identity: its file key, whatever the directory's spelling, else its path. */
  private static Object keyOf(Path lock, BasicFileAttributes attributes) {
    Object key = attributes.fileKey();
    return key != null ? key : lock.toAbsolutePath().normalize();
  }

  /**
   * Removes the stale copies in {@code directory}, with their lock files, and lock files whose copy
   * is gone; nothing when this JVM holds no copy of its own (whose owner says whose files to look
   * at).
   *
   * @return how many copies were removed
   * @throws IOException when the directory cannot be listed
   */
  public static int remove(Path directory) throws IOException {
    UserPrincipal own = owner;
    return own == null ? 0 : remove(directory, Instant.now(), own);
  }

  static int remove(Path directory, Instant now, UserPrincipal owner) throws IOException {
    // Names, not a DirectoryStream of paths matched against the glob: a temporary directory may
    // hold thousands of entries, and each path and match is garbage (~1 MB for ~1,000 here).
    String[] names = directory.toFile().list();
    if (names == null) {
      throw new IOException("cannot list " + directory);
    }
    FileTime youngest = FileTime.from(now.minus(MIN_AGE));
    int removed = 0;
    for (String name : names) {
      if (name.startsWith(PREFIX) && name.endsWith(SUFFIX + LOCK)) {
        Path copy = directory.resolve(name.substring(0, name.length() - LOCK.length()));
        if (removedIfStale(copy, youngest, owner)) {
          removed++;
        }
      }
    }
    return removed;
  }

  /** True if {@code copy} was there and removed; its lock file may go alone. */
  private static boolean removedIfStale(Path copy, FileTime youngest, UserPrincipal owner) {
    Path lock = lockOf(copy);
    try {
      BasicFileAttributes before = Files.readAttributes(lock, BasicFileAttributes.class, NOFOLLOW);
      Object key = keyOf(lock, before);
      if (!before.isRegularFile()
          || before.lastModifiedTime().compareTo(youngest) > 0
          || HELD.containsKey(key)
          || !Files.getOwner(lock, NOFOLLOW).equals(owner)
          || (Files.exists(copy, NOFOLLOW) && !Files.isRegularFile(copy, NOFOLLOW))) {
        return false; // a copy being written, this JVM's, another user's, or not a copy
      }
      try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE, NOFOLLOW)) {
        if (channel.tryLock() == null) {
          return false; // held by a running JVM
        }
        if (!key.equals(
            keyOf(lock, Files.readAttributes(lock, BasicFileAttributes.class, NOFOLLOW)))) {
          return false; // replaced since it was looked at: another JVM's cleanup was quicker
        }
        boolean removed = Files.deleteIfExists(copy);
        Files.delete(lock);
        return removed;
      }
    } catch (IOException | OverlappingFileLockException e) {
      return false; // gone already, or held within this JVM
    }
  }
}
