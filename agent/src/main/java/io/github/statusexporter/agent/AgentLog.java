package io.github.statusexporter.agent;

/**
 * The agent's few lines on stderr. Deliberately not java.util.logging: the agent must not
 * initialise or reconfigure the application's logging.
 */
final class AgentLog {
  private AgentLog() {}

  static void info(String message) {
    System.err.println("status-exporter: " + message);
  }

  /** The one line at start: {@code status-exporter <version> serving <url>, ...}. */
  static void started(String version, String what) {
    System.err.println("status-exporter " + version + " " + what);
  }
}
