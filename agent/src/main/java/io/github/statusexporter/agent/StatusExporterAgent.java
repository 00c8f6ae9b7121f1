package io.github.statusexporter.agent;

import io.github.statusexporter.config.AgentConfig;
import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.ConfigParser;
import java.lang.instrument.Instrumentation;
import java.util.Map;

/**
 * Entry point of {@code -javaagent:status-exporter.jar}. It only parses the options and hands over
 * to a background thread, so the application starts as fast as without the agent; it never throws
 * and never exits, whatever goes wrong.
 */
public final class StatusExporterAgent {
  private StatusExporterAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(arguments);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(arguments);
  }

  private static void start(String arguments) {
    try {
      Map<String, String> environment = System.getenv();
      AgentConfig config = ConfigParser.parse(arguments, System.getProperties(), environment);
      DaemonThreads.daemon(new Startup(config, environment, version()), "status-exporter-start")
          .start();
    } catch (ConfigException e) {
      AgentLog.info("not started, the application runs on without it: " + e.getMessage());
    } catch (Throwable e) {
      AgentLog.info("not started, the application runs on without it: " + e);
    }
  }

  static String version() {
    String version = StatusExporterAgent.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
