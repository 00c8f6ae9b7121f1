package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The servlet routes met so far. A route is the servlet context's own path and the pattern of the
 * servlet mapping that served the request ({@code /shop/items/*}), never anything of the request's
 * URI, so the series are bounded by the application's mappings. A request no servlet took has its
 * context's path as route (Tomcat's redirect of {@code /shop} to {@code /shop/}), or none without a
 * context. A framework's template, once it has chosen a handler, takes precedence ({@link
 * ServletRoute#recorder(Object)}).
 */
public final class ServletRoutes {
  private static volatile ServletRoutes current;

  private final RequestMetrics metrics;
  private final List<String> agentPaths;

  /** By scheme, context path, then mapping pattern: looked up without building a string. */
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, ServletRoute>> http =
      new ConcurrentHashMap<>();

  private final ConcurrentHashMap<String, ConcurrentHashMap<String, ServletRoute>> https =
      new ConcurrentHashMap<>();

  private ServletRoutes(RequestMetrics metrics, List<String> agentPaths) {
    this.metrics = metrics;
    this.agentPaths = agentPaths;
  }

  /**
   * The route of a servlet context's path and a mapping pattern, or null while the request metrics
   * are not made. Made anew when the metrics or the agent's own read paths change.
   */
  public static ServletRoute route(boolean secure, String contextPath, String pattern) {
    RequestMetrics metrics = RequestRecording.metrics();
    if (metrics == null) {
      return null;
    }
    ServletRoutes routes = current;
    List<String> agentPaths = RequestRecording.agentReadPaths();
    if (routes == null || routes.metrics != metrics || routes.agentPaths != agentPaths) {
      routes = new ServletRoutes(metrics, agentPaths);
      current = routes;
    }
    return routes.find(secure, contextPath, pattern == null ? "" : pattern);
  }

  private ServletRoute find(boolean secure, String context, String pattern) {
    ConcurrentHashMap<String, ConcurrentHashMap<String, ServletRoute>> byContext =
        secure ? https : http;
    ConcurrentHashMap<String, ServletRoute> byPattern = byContext.get(context);
    if (byPattern == null) {
      byPattern = byContext.computeIfAbsent(context, key -> new ConcurrentHashMap<>());
    }
    ServletRoute route = byPattern.get(pattern);
    if (route == null) {
      route =
          byPattern.computeIfAbsent(
              pattern, key -> new ServletRoute(metrics, context, pattern, secure, agentPaths));
    }
    return route;
  }

  /**
   * The route label: {@code /shop/items/*}, {@code /shop/*.jsp}; without a pattern, the context's
   * path alone (none without a context either).
   */
  static String label(String context, String pattern) {
    if (pattern.isEmpty()) {
      return context;
    }
    return pattern.startsWith("*.") ? context + "/" + pattern : context + pattern;
  }
}
