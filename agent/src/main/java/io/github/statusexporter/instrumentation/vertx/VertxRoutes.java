package io.github.statusexporter.instrumentation.vertx;

import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.RouteRecorder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routes of Vert.x requests: the template of the last Vert.x web route with a path that ran a
 * handler for the request ({@code /api/users/:id}), else the user's route template the path
 * matches, else {@link #UNMATCHED}. Never anything of the request's URI, so the series are bounded
 * by the application's routes.
 */
public final class VertxRoutes {
  /**
   * The route of a request no route with a path took (vertx-web's 404, a server without vertx-web):
   * the whole server, as a servlet container's default mapping is named, and as on Reactor Netty
   * and Undertow.
   */
  static final String UNMATCHED = "/";

  private static volatile VertxRoutes current;

  private final RequestMetrics metrics;
  private final List<String> agentPaths;
  private volatile RouteRecorder unmatchedHttp;
  private volatile RouteRecorder unmatchedHttps;
  private final ConcurrentHashMap<String, RouteRecorder> http = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, RouteRecorder> https = new ConcurrentHashMap<>();

  VertxRoutes(RequestMetrics metrics, List<String> agentPaths) {
    this.metrics = metrics;
    this.agentPaths = agentPaths;
  }

  /**
   * The routes, or null while the request metrics are not made. Made anew when the metrics or the
   * agent's own read paths change.
   */
  public static VertxRoutes current() {
    RequestMetrics metrics = RequestRecording.metrics();
    if (metrics == null) {
      return null;
    }
    VertxRoutes routes = current;
    List<String> agentPaths = RequestRecording.agentReadPaths();
    if (routes == null || routes.metrics != metrics || routes.agentPaths != agentPaths) {
      routes = new VertxRoutes(metrics, agentPaths);
      current = routes;
    }
    return routes;
  }

  /**
   * True if a request for this URI (as sent: a path and query, or an absolute URI) could be one of
   * the agent's own reads of a status page, whose User-Agent then tells.
   */
  public boolean mayServeAgentReads(String uri) {
    for (int i = 0; i < agentPaths.size(); i++) {
      if (uri.contains(agentPaths.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** A request began: counted active until its recorder's {@code finished}. */
  public void begun(boolean secure, int method) {
    // Active requests are counted by scheme and method only: any recorder counts them.
    unmatched(secure).begun(method);
  }

  /**
   * The recorder of a request.
   *
   * @param template the template of the route that took it, null if none did
   * @param path the request's path, for the user's route templates (see {@link
   *     #hasUserTemplates()}); null without
   */
  public RouteRecorder recorder(boolean secure, String template, String path) {
    if (template != null) {
      ConcurrentHashMap<String, RouteRecorder> byTemplate = secure ? https : http;
      RouteRecorder recorder = byTemplate.get(template);
      if (recorder != null) {
        return recorder;
      }
      // No more templates than routes may have series: past that they all fold anyway.
      if (byTemplate.size() >= metrics.maxRoutes()) {
        return metrics.folded(secure);
      }
      return byTemplate.computeIfAbsent(template, key -> metrics.route(key, secure));
    }
    RouteRecorder users = path != null ? metrics.templated(path, secure) : null;
    return users != null ? users : unmatched(secure);
  }

  /** True if the user wrote route templates, which a request's path may match. */
  public boolean hasUserTemplates() {
    return metrics.hasTemplates();
  }

  /** Made at first use: a route that no request takes must not take a place under the cap. */
  private RouteRecorder unmatched(boolean secure) {
    RouteRecorder recorder = secure ? unmatchedHttps : unmatchedHttp;
    if (recorder == null) {
      recorder = metrics.route(UNMATCHED, secure);
      if (secure) {
        unmatchedHttps = recorder;
      } else {
        unmatchedHttp = recorder;
      }
    }
    return recorder;
  }
}
