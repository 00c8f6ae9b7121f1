package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.RouteRecorder;
import java.util.List;

/**
 * One servlet route: its recorder, and whether the agent's own reads of a status page could come to
 * it, so that other routes never look at a request's headers.
 */
public final class ServletRoute {
  private final RouteRecorder recorder;
  private final boolean mayServeAgentReads;

  ServletRoute(RouteRecorder recorder, String context, String pattern, List<String> agentPaths) {
    this.recorder = recorder;
    this.mayServeAgentReads = agentPaths.stream().anyMatch(path -> serves(context, pattern, path));
  }

  public RouteRecorder recorder() {
    return recorder;
  }

  public boolean mayServeAgentReads() {
    return mayServeAgentReads;
  }

  /** True if a servlet mapped to {@code pattern} in {@code context} may serve {@code path}. */
  static boolean serves(String context, String pattern, String path) {
    if (!path.startsWith(context)) {
      return false;
    }
    String inContext = path.substring(context.length());
    if (pattern.equals("/")) {
      return true; // the default servlet: anything no other mapping takes
    }
    if (pattern.endsWith("/*")) {
      String prefix = pattern.substring(0, pattern.length() - 2);
      return inContext.equals(prefix) || inContext.startsWith(prefix + "/");
    }
    if (pattern.startsWith("*.")) {
      return inContext.endsWith(pattern.substring(1));
    }
    return inContext.equals(pattern);
  }
}
