package io.github.statusexporter.instrumentation;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route recorders of one kind of server that names its routes itself (Reactor Netty, Undertow,
 * Vert.x): the template a framework or router gave a request, after the base path or mount point it
 * gave apart ({@code /api} and {@code /users/{id}}); else the user's route template the request's
 * path matches; else {@link #ROOT}. Never anything of the request's URI, so the series are bounded
 * by the application's routes. Each kind of server keeps its own ({@link Current}).
 */
public final class ServerRoutes {
  /**
   * The route of a request no template took (no handler matched, a filter refused it, a server
   * without a framework): the whole server, as a servlet container's default mapping is named.
   */
  public static final String ROOT = "/";

  private final RequestMetrics metrics;
  private final List<String> agentPaths;
  private volatile RouteRecorder rootHttp;
  private volatile RouteRecorder rootHttps;

  /** By base path, then template: looked up without building a string. */
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, RouteRecorder>> http =
      new ConcurrentHashMap<>();

  private final ConcurrentHashMap<String, ConcurrentHashMap<String, RouteRecorder>> https =
      new ConcurrentHashMap<>();

  /**
   * @param agentPaths the URL paths of the agent's own reads of status pages
   */
  public ServerRoutes(RequestMetrics metrics, List<String> agentPaths) {
    this.metrics = metrics;
    this.agentPaths = agentPaths;
  }

  /** The routes of one kind of server, made anew when the metrics or the agent's paths change. */
  public static final class Current {
    private volatile ServerRoutes routes;

    /** The routes, or null while the request metrics are not made. */
    public ServerRoutes get() {
      RequestMetrics metrics = RequestRecording.metrics();
      if (metrics == null) {
        return null;
      }
      ServerRoutes current = routes;
      List<String> agentPaths = RequestRecording.agentReadPaths();
      if (current == null || current.metrics != metrics || current.agentPaths != agentPaths) {
        current = new ServerRoutes(metrics, agentPaths);
        routes = current;
      }
      return current;
    }
  }

  /**
   * True if a request for this URI (as sent: a path, with a query or not, or an absolute URI) could
   * be one of the agent's own reads of a status page, whose User-Agent then tells.
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
    root(secure).begun(method);
  }

  /** True if the user wrote route templates, which a request's path may match. */
  public boolean hasUserTemplates() {
    return metrics.hasTemplates();
  }

  /**
   * The recorder of a request.
   *
   * @param base the base path or mount point of {@code template}: "" for none
   * @param template the template that took it, null if none did
   * @param path the request's path, for the user's route templates ({@link #hasUserTemplates}); may
   *     be null without them
   */
  public RouteRecorder recorder(boolean secure, String base, String template, String path) {
    if (template != null) {
      return templated(secure, base, template);
    }
    RouteRecorder users =
        path != null && metrics.hasTemplates() ? metrics.templated(path, secure) : null;
    return users != null ? users : root(secure);
  }

  private RouteRecorder templated(boolean secure, String base, String template) {
    ConcurrentHashMap<String, ConcurrentHashMap<String, RouteRecorder>> byBase =
        secure ? https : http;
    ConcurrentHashMap<String, RouteRecorder> byTemplate = byBase.get(base);
    if (byTemplate == null) {
      byTemplate = byBase.computeIfAbsent(base, key -> new ConcurrentHashMap<>());
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
    return byTemplate.computeIfAbsent(template, key -> metrics.route(base + key, secure));
  }

  /** Made at first use: a route that no request takes must not take a place under the cap. */
  private RouteRecorder root(boolean secure) {
    RouteRecorder recorder = secure ? rootHttps : rootHttp;
    if (recorder == null) {
      recorder = metrics.route(ROOT, secure);
      if (secure) {
        rootHttps = recorder;
      } else {
        rootHttp = recorder;
      }
    }
    return recorder;
  }
}
