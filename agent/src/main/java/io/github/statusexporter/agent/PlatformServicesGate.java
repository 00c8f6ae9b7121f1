package io.github.statusexporter.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds the agent's start until the application has set up its own logging and MBean server, when
 * it brings its own. WildFly and JBoss name a log manager (and an MBean server builder) that only
 * their module loader can load, seconds after start; whoever first touches java.util.logging (or
 * the platform MBean server) before then fixes the JDK's default for good, and the server fails to
 * boot. The metrics server (through the JDK's System.Logger) and the JVM metrics touch both, so the
 * agent waits until the application has loaded the class it named, which it does as it initialises
 * them itself.
 */
final class PlatformServicesGate {
  /** The JVM's settings whose classes an application server may provide late. */
  private static final String[] SETTINGS = {
    "java.util.logging.manager", "javax.management.builder.initial"
  };

  private static final long POLL_MILLIS = 100;

  private PlatformServicesGate() {}

  /**
   * Waits, at most {@code maxMillis}, until every class those settings name is loaded.
   *
   * @return the classes still not loaded when it gave up; empty when none was awaited
   */
  static List<String> await(Instrumentation instrumentation, long maxMillis)
      throws InterruptedException {
    List<String> awaited = new ArrayList<>();
    for (String setting : SETTINGS) {
      // The JVM's own settings, read here and nowhere else: not the agent's configuration.
      String className = System.getProperty(setting);
      if (className != null && !className.isBlank() && !onSystemClassPath(className)) {
        awaited.add(className);
      }
    }
    long deadline = System.nanoTime() + maxMillis * 1_000_000L;
    while (!awaited.isEmpty() && System.nanoTime() < deadline) {
      for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
        awaited.remove(loaded.getName());
      }
      if (!awaited.isEmpty()) {
        Thread.sleep(POLL_MILLIS);
      }
    }
    return awaited;
  }

  /** Whether the JDK would find the class itself, whoever initialises the service. */
  private static boolean onSystemClassPath(String className) {
    try {
      Class.forName(className, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
