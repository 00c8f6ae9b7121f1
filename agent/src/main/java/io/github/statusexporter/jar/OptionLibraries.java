package io.github.statusexporter.jar;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The libraries only some options need, in a jar of their own inside the agent's jar ({@value
 * #ENTRY}): protobuf (with client_java's writer that loads it by name) for protobuf scrapes,
 * snakeyaml for the YAML files, BouncyCastle for the web config file's TLS keys and bcrypt hashes.
 * Most JVMs never use them: they are copied out and added to the system class loader's search path
 * when first needed (~1.7 MB copied and ~900 entries indexed less at every other start), the other
 * libraries at every start. A class that names one of these libraries must not be loaded before
 * {@link #add} or {@link #require} has returned: the JVM would not find the library.
 */
public final class OptionLibraries {
  public static final String ENTRY = "META-INF/status-exporter/option-libraries.jar";

  private static final SystemSearchJar JAR =
      new SystemSearchJar(
          ENTRY,
          "the agent's libraries for protobuf scrapes, YAML files, TLS keys and bcrypt"
              + " (protobuf, snakeyaml, BouncyCastle; ~1.7 MB)");

  /**
   * Least time between two copies tried after one failed: a scraper asking for protobuf again and
   * again must not have the agent write ~1.7 MB into a full directory each time.
   */
  static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);

  // Guarded by OptionLibraries.class. Without install (the agent's unit tests, which run from
  // classes), the class path holds the libraries.
  private static Instrumentation instrumentation;
  private static Path directory;
  private static Consumer<String> log;
  private static boolean failed;
  private static long failedAtNanos;

  /** Read without the lock once true: the libraries can be loaded. */
  private static volatile boolean added;

  private OptionLibraries() {}

  /** Where they are copied to and how they are added, once the agent's start knows. */
  public static synchronized void install(
      Instrumentation instrumentation, Path directory, Consumer<String> log) {
    OptionLibraries.instrumentation = instrumentation;
    OptionLibraries.directory = directory;
    OptionLibraries.log = log;
  }

  /**
   * Adds them now, at the agent's start, when its options name a file that needs them.
   *
   * @throws IOException naming the directory and the setting that helps, when they cannot be
   *     written
   */
  public static synchronized void add() throws IOException {
    if (!added && instrumentation != null) {
      JAR.add(instrumentation, directory);
    }
    added = true;
  }

  /** Whether they can be loaded now. */
  public static boolean added() {
    return added;
  }

  /**
   * Adds them if they are not yet; false when they cannot be copied, which is said once, after
   * {@code consequence}. After a failure the copy is tried again at most every {@link
   * #RETRY_NANOS}: the directory may have room later.
   */
  public static boolean require(String consequence) {
    if (added) {
      return true;
    }
    synchronized (OptionLibraries.class) {
      if (added) {
        return true;
      }
      long now = System.nanoTime();
      if (failed && now - failedAtNanos < RETRY_NANOS) {
        return false;
      }
      try {
        add();
        return true;
      } catch (IOException | RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          // The scrape was dropped (its deadline passed) while copying: nothing to say of the
          // directory, and the next scrape tries again.
          return false;
        }
        if (!failed && log != null) {
          log.accept(consequence + ": " + e.getMessage());
        }
        failed = true;
        failedAtNanos = now;
        return false;
      }
    }
  }
}
