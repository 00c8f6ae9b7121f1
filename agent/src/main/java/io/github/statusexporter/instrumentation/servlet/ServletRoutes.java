package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.RouteRecorder;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recorders of servlet routes. A route is the context path and the pattern of the servlet
 * mapping that served the request ({@code /shop/items/*}), never the request's URI, so the series
 * are bounded by the application's mappings. A request no mapping matched has no route.
 */
public final class ServletRoutes {
  private static volatile ServletRoutes current;

  private final RequestMetrics metrics;

  /** By scheme, context path, then mapping pattern: looked up without building a string. */
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, RouteRecorder>> http =
      new ConcurrentHashMap<>();

  private final ConcurrentHashMap<String, ConcurrentHashMap<String, RouteRecorder>> https =
      new ConcurrentHashMap<>();

  private ServletRoutes(RequestMetrics metrics) {
    this.metrics = metrics;
  }

  /** The recorder of a route, or null while the request metrics are not made. */
  public static RouteRecorder recorder(boolean secure, String contextPath, String pattern) {
    RequestMetrics metrics = RequestRecording.metrics();
    if (metrics == null) {
      return null;
    }
    ServletRoutes routes = current;
    if (routes == null || routes.metrics != metrics) {
      routes = new ServletRoutes(metrics);
      current = routes;
    }
    return routes.find(secure, contextPath == null ? "" : contextPath, pattern);
  }

  private RouteRecorder find(boolean secure, String context, String pattern) {
    ConcurrentHashMap<String, ConcurrentHashMap<String, RouteRecorder>> byContext =
        secure ? https : http;
    ConcurrentHashMap<String, RouteRecorder> byPattern = byContext.get(context);
    if (byPattern == null) {
      byPattern = byContext.computeIfAbsent(context, key -> new ConcurrentHashMap<>());
    }
    String mapping = pattern == null ? "" : pattern;
    RouteRecorder recorder = byPattern.get(mapping);
    if (recorder == null) {
      String route = mapping.isEmpty() ? "" : context + mapping;
      recorder = byPattern.computeIfAbsent(mapping, key -> metrics.route(route, secure));
    }
    return recorder;
  }
}
