package io.github.statusexporter.instrumentation;

import java.util.List;

/**
 * Where instrumented servers find the request metrics. Static because the JDK creates the
 * instrumenting server provider itself, by class name, and servers may be created before the
 * agent's background start has made the metrics: until then requests go unrecorded.
 */
public final class RequestRecording {
  /** The agent's own reads of a status source say so in their User-Agent header. */
  public static final String AGENT_USER_AGENT_PREFIX = "status-exporter/";

  private static volatile RequestMetrics metrics;
  private static volatile List<String> agentReadPaths = List.of();

  private RequestRecording() {}

  public static void install(RequestMetrics requestMetrics) {
    metrics = requestMetrics;
  }

  /** The request metrics, or null while they are not made yet or instrumentation is off. */
  public static RequestMetrics metrics() {
    return metrics;
  }

  /** The URL paths of the agent's HTTP sources, whose reads are not the application's load. */
  public static void agentReadPaths(List<String> paths) {
    agentReadPaths = List.copyOf(paths);
  }

  /** The URL paths of the agent's HTTP sources; a new list whenever they change. */
  public static List<String> agentReadPaths() {
    return agentReadPaths;
  }

  /** True if a request to this route could be one of the agent's own reads. */
  public static boolean mayServeAgentReads(String route) {
    for (String path : agentReadPaths) {
      if (path.startsWith(route)) {
        return true;
      }
    }
    return false;
  }

  public static boolean isAgentUserAgent(String userAgent) {
    return userAgent != null && userAgent.startsWith(AGENT_USER_AGENT_PREFIX);
  }
}
