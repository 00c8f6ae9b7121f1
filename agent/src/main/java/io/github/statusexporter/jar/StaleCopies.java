package io.github.statusexporter.jar;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies of the inner jars ({@link InnerJar}) that JVMs killed outright left behind: a JVM removes
 * its copies as it exits, but not when killed with {@code SIGKILL} (the kernel's out-of-memory
 * killer, a container's memory limit, {@code kill -9}), and each start then left ~2 MB more in the
 * temporary directory, which outlives a restarted container when it is a shared volume.
 *
 * <p>Each copy has a lock file beside it ({@link #lockOf}), which its JVM locks once the copy is
 * written and holds to its end; the operating system drops the lock with the process, however it
 * ends. Not the copy itself: a POSIX lock goes when the process closes any descriptor of its file,
 * and the JVM opens and closes the copy as it adds it to the class path. A copy whose lock file
 * nobody holds, older than {@link #MIN_AGE} (a copy being written is not locked yet), is stale.
 * Locks work across containers sharing the directory, where process numbers would not; a copy
 * without a lock file (made by an agent before this one, which may still run) and another user's
 * files are left alone.
 */
public final class StaleCopies {
  static final Duration MIN_AGE = Duration.ofMinutes(1);

  static final String PREFIX = "status-exporter-";
  static final String SUFFIX = ".jar";

  /** The copies' names, as {@link InnerJar} makes them, for messages. */
  public static final String NAMES = PREFIX + "*" + SUFFIX;

  /**
   * This JVM's copies and the channels that hold their lock files' locks: a channel the garbage
   * collector reclaimed would close its file, and the lock with it.
   */
  private static final Map<Path, FileChannel> HELD = new ConcurrentHashMap<>();

  private StaleCopies() {}

  /** The lock file of a copy. */
  static Path lockOf(Path copy) {
    return copy.resolveSibling(copy.getFileName() + ".lock");
  }

  /** Locks the lock file of {@code copy}, made with it, until this JVM ends. */
  static void hold(Path copy) throws IOException {
    FileChannel channel =
        FileChannel.open(lockOf(copy), StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    try {
      channel.lock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    HELD.put(copy, channel);
  }

  /**
   * Removes the stale copies in {@code directory}, with their lock files.
   *
   * @return how many copies were removed
   * @throws IOException when the directory cannot be listed
   */
  public static int remove(Path directory) throws IOException {
    return remove(directory, Instant.now());
  }

  static int remove(Path directory, Instant now) throws IOException {
    // Names, not a DirectoryStream of paths matched against the glob: a temporary directory may
    // hold thousands of entries, and each path and match is garbage (~1 MB for ~1,000 here).
    String[] names = directory.toFile().list();
    if (names == null) {
      throw new IOException("cannot list " + directory);
    }
    FileTime youngest = FileTime.from(now.minus(MIN_AGE));
    int removed = 0;
    for (String name : names) {
      if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
        Path copy = directory.resolve(name);
        if (!HELD.containsKey(copy) && removedIfStale(copy, youngest)) {
          removed++;
        }
      }
    }
    return removed;
  }

  private static boolean removedIfStale(Path copy, FileTime youngest) {
    Path lock = lockOf(copy);
    try {
      if (!Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)
          || !Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)
          || Files.getLastModifiedTime(copy, LinkOption.NOFOLLOW_LINKS).compareTo(youngest) > 0) {
        return false; // links and directories are not copies; a young copy may be being written
      }
      try (FileChannel channel =
          FileChannel.open(lock, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
        if (channel.tryLock() == null) {
          return false; // held by a running JVM
        }
        Files.delete(copy);
        Files.delete(lock);
        return true;
      }
    } catch (IOException | OverlappingFileLockException e) {
      return false; // another user's, gone already, or held within this JVM
    }
  }
}
