package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RouteRecorder;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One servlet route: its recorder, the recorders of the framework templates its servlet answered
 * with, and whether the agent's own reads of a status page could come to it, so that other routes
 * never look at a request's headers.
 */
public final class ServletRoute {
  private final RequestMetrics metrics;
  private final RouteRecorder recorder;

  /** What goes before a framework's template: the context path and the servlet's own path. */
  private final String templatePrefix;

  private final boolean https;
  private final boolean mayServeAgentReads;

  /** By template, as the framework gives it: looked up without building a string. */
  private final ConcurrentHashMap<String, RouteRecorder> templates = new ConcurrentHashMap<>();

  ServletRoute(
      RequestMetrics metrics,
      String context,
      String pattern,
      boolean https,
      List<String> agentPaths) {
    this.metrics = metrics;
    this.recorder = metrics.route(ServletRoutes.label(context, pattern), https);
    this.templatePrefix = context + servletPath(pattern);
    this.https = https;
    this.mayServeAgentReads = agentPaths.stream().anyMatch(path -> serves(context, pattern, path));
  }

  /** The recorder of the servlet mapping's route. */
  public RouteRecorder recorder() {
    return recorder;
  }

  /**
   * The recorder of a request that ends with this template from its framework (Spring MVC's best
   * matching pattern, a JAX-RS resource's paths; without the context path or the servlet's path):
   * the template's route, which OpenTelemetry puts before the servlet mapping's. Anything but a
   * string is no template: the mapping's route.
   */
  public RouteRecorder recorder(Object template) {
    return recorder(template, null);
  }

  /**
   * As above; without the framework's template, the user's route template that the request's raw
   * path (with the context path, as {@code getRequestURI} gives it) matches, if any.
   *
   * @param rawPath null unless {@link #hasUserTemplates()}
   */
  public RouteRecorder recorder(Object template, String rawPath) {
    if (!(template instanceof String)) {
      if (rawPath != null) {
        RouteRecorder templated = metrics.templated(rawPath, https);
        if (templated != null) {
          return templated;
        }
      }
      return recorder;
    }
    RouteRecorder found = templates.get(template);
    return found != null ? found : newTemplate((String) template);
  }

  private RouteRecorder newTemplate(String template) {
    // No more templates than routes may have series: past that they all fold anyway, and a
    // framework that made a template per URL must not fill the memory either.
    if (templates.size() >= metrics.maxRoutes()) {
      return metrics.folded(https);
    }
    return templates.computeIfAbsent(template, key -> metrics.route(templatePrefix + key, https));
  }

  /**
   * The part of a request's path that a servlet with this mapping has before a framework behind it
   * matches its templates: {@code /api} for {@code /api/*} (Jersey's resources, and Spring MVC's
   * patterns, are relative to it); nothing for the default servlet {@code /} or {@code /*}.
   */
  static String servletPath(String pattern) {
    return pattern.length() > 2 && pattern.endsWith("/*")
        ? pattern.substring(0, pattern.length() - 2)
        : "";
  }

  /** True if the user wrote route templates, and only then need the request's path be taken. */
  public boolean hasUserTemplates() {
    return metrics.hasTemplates();
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
