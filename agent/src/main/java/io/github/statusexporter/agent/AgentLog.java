package io.github.statusexporter.agent;

import java.util.function.Consumer;

/**
 * The agent's few lines on stderr. Deliberately not java.util.logging: the agent must not
 * initialise or reconfigure the application's logging.
 */
final class AgentLog {
  /**
   * {@link #info} for those that take where to log: one class for all of them, where each {@code
   * AgentLog::info} would have the JVM spin a class of its own as the agent starts (~30 KB of
   * garbage each on JDK 25).
   */
  static final Consumer<String> INFO =
      new Consumer<>() {
        @Override
        public void accept(String message) {
          info(message);
        }
      };

  private AgentLog() {}

  static void info(String message) {
    System.err.println("status-exporter: " + message);
  }

  /** The one line at start: {@code status-exporter <version> serving <url>, ...}. */
  static void started(String version, String what) {
    System.err.println("status-exporter " + version + " " + what);
  }
}
