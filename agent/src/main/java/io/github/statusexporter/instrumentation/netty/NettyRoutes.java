package io.github.statusexporter.instrumentation.netty;

import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.RouteRecorder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routes of Reactor Netty requests: a framework's template with its base path ({@code
 * /hello/{name}}), else the user's route template the path matches, else {@link #UNMATCHED}. Never
 * anything of the request's URI, so the series are bounded by the application's handlers.
 */
public final class NettyRoutes {
  /**
   * The route of a request no handler of a framework took (refused by a filter, or a server without
   * a framework): the whole server, as a servlet container's default mapping is named.
   */
  static final String UNMATCHED = "/";

  private static volatile NettyRoutes current;

  private final RequestMetrics metrics;
  private final List<String> agentPaths;
  private volatile RouteRecorder unmatchedHttp;
  private volatile RouteRecorder unmatchedHttps;

  /** By base path, then template: looked up without building a string. */
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, RouteRecorder>> http =
      new ConcurrentHashMap<>();

  private final ConcurrentHashMap<String, ConcurrentHashMap<String, RouteRecorder>> https =
      new ConcurrentHashMap<>();

  NettyRoutes(RequestMetrics metrics, List<String> agentPaths) {
    this.metrics = metrics;
    this.agentPaths = agentPaths;
  }

  /**
   * The routes, or null while the request metrics are not made. Made anew when the metrics or the
   * agent's own read paths change.
   */
  public static NettyRoutes current() {
    RequestMetrics metrics = RequestRecording.metrics();
    if (metrics == null) {
      return null;
    }
    NettyRoutes routes = current;
    List<String> agentPaths = RequestRecording.agentReadPaths();
    if (routes == null || routes.metrics != metrics || routes.agentPaths != agentPaths) {
      routes = new NettyRoutes(metrics, agentPaths);
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
      String path = agentPaths.get(i);
      if (uri.contains(path)) {
        return true;
      }
    }
    return false;
  }

  /** A request began: counted active until {@link #finished}. */
  public void begun(boolean https, int method) {
    // Active requests are counted by scheme and method only: any recorder counts them.
    unmatched(https).begun(method);
  }

  /**
   * A request ended.
   *
   * @param status the status sent, -1 if none was
   * @param uri the request's URI as sent, for the user's route templates
   */
  public void finished(ConnectionRequests.Request request, int status, String uri) {
    boolean secure = request.https();
    String template = request.template();
    RouteRecorder recorder;
    if (template != null) {
      recorder = templated(secure, request.context(), template);
    } else {
      RouteRecorder users = metrics.hasTemplates() ? metrics.templated(path(uri), secure) : null;
      recorder = users != null ? users : unmatched(secure);
    }
    recorder.finished(request.method(), status, request.startNanos());
  }

  private RouteRecorder templated(boolean secure, String context, String template) {
    ConcurrentHashMap<String, ConcurrentHashMap<String, RouteRecorder>> byContext =
        secure ? https : http;
    ConcurrentHashMap<String, RouteRecorder> byTemplate = byContext.get(context);
    if (byTemplate == null) {
      byTemplate = byContext.computeIfAbsent(context, key -> new ConcurrentHashMap<>());
    }
    RouteRecorder recorder = byTemplate.get(template);
    if (recorder != null) {
      return recorder;
    }
    // No more templates than routes may have series: past that they all fold anyway, and a
    // framework that made a template per URL must not fill the memory either.
    if (byTemplate.size() >= metrics.maxRoutes()) {
      return metrics.folded(secure);
    }
    return byTemplate.computeIfAbsent(template, key -> metrics.route(context + key, secure));
  }

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

  /** The raw path of a request URI: without the query, and without scheme and host if absolute. */
  static String path(String uri) {
    int start = 0;
    if (!uri.startsWith("/")) {
      int scheme = uri.indexOf("://");
      start = scheme < 0 ? 0 : uri.indexOf('/', scheme + 3);
      if (start < 0) {
        return "/";
      }
    }
    int query = uri.indexOf('?', start);
    int end = query < 0 ? uri.length() : query;
    return start == 0 && end == uri.length() ? uri : uri.substring(start, end);
  }
}
