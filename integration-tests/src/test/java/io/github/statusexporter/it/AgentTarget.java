package io.github.statusexporter.it;

import java.io.IOException;
import java.time.Duration;
import java.util.function.IntFunction;

/**
 * A JVM with the agent that Prometheus scrapes, known to queries by its label {@code app}.
 *
 * @param appPort the application's own HTTP port
 * @param agentPort the agent's metrics port
 */
record AgentTarget(String app, JavaProcess process, int appPort, int agentPort)
    implements AutoCloseable {

  /**
   * The demo app with the agent on free ports, serving; {@code options} gives the agent's options
   * after its port, from the demo app's port.
   */
  static AgentTarget demoApp(String app, IntFunction<String> options) throws IOException {
    int appPort = Http.freePort();
    int agentPort = Http.freePort();
    JavaProcess process =
        JavaProcess.demoApp(appPort, "port=" + agentPort + "," + options.apply(appPort));
    return serving(new AgentTarget(app, process, appPort, agentPort));
  }

  /** A servlet test app with the agent reading its status page, request metrics on. */
  static AgentTarget servletApp(String app, ServletApp servletApp) throws IOException {
    int appPort = Http.freePort();
    int agentPort = Http.freePort();
    JavaProcess process =
        JavaProcess.servletApp(
            servletApp,
            appPort,
            "port=" + agentPort + ",source=http://localhost:" + appPort + "/shop/status");
    return serving(new AgentTarget(app, process, appPort, agentPort));
  }

  /** The target once its agent says it serves; stopped if it does not. */
  private static AgentTarget serving(AgentTarget target) {
    try {
      target.process.awaitStderr(line -> line.contains("serving http"), Duration.ofSeconds(30));
    } catch (AssertionError e) {
      close(target.process);
      throw e;
    }
    return target;
  }

  /** Where Prometheus scrapes it: host and port. */
  String address() {
    return "127.0.0.1:" + agentPort;
  }

  String appUrl(String path) {
    return "http://localhost:" + appPort + path;
  }

  /** A PromQL selector of this target's series of {@code metric}, with more matchers if any. */
  String select(String metric, String... matchers) {
    return metric
        + "{app=\""
        + app
        + "\""
        + (matchers.length == 0 ? "" : ",")
        + String.join(",", matchers)
        + "}";
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }

  private static void close(JavaProcess process) {
    try {
      process.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
