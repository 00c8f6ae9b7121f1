package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.RouteRecorder;

/**
 * What the advice woven into servlet containers calls. Its signatures name no servlet type, so the
 * woven code links whichever servlet API (javax or jakarta) the container uses; the matching
 * adapter is chosen once per request class.
 */
public final class ServletHooks {
  private static final ClassValue<ServletApi> APIS =
      new ClassValue<ServletApi>() {
        @Override
        protected ServletApi computeValue(Class<?> requestClass) {
          return ServletApi.of(requestClass);
        }
      };

  /** Whether a Jetty context handler is a servlet context, by class: only those are measured. */
  private static final ClassValue<Boolean> SERVLET_CONTEXTS =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> handlerClass) {
          for (Class<?> type = handlerClass; type != null; type = type.getSuperclass()) {
            if (type.getName().equals(JETTY_SERVLET_CONTEXT)) {
              return true;
            }
          }
          return false;
        }
      };

  private static final String JETTY_SERVLET_CONTEXT =
      "org.eclipse.jetty.ee10.servlet.ServletContextHandler";

  private ServletHooks() {}

  /**
   * A request enters the container: counted as active, it returns its route for {@link #exit}, or
   * null when it is not recorded.
   */
  public static Object enter(Object request) {
    return APIS.get(request.getClass()).enter(request);
  }

  /**
   * A Jetty 9.4 to 11 servlet handler takes a dispatch to {@code target} into its scope: as {@link
   * #enter(Object)}, with the pattern the handler maps the target to.
   */
  public static Object enterScope(Object servletHandler, String target, Object request) {
    if (!target.startsWith("/")) {
      return null; // a dispatch by servlet name: part of a request already counted
    }
    String pattern = JettyServletPatterns.pattern(servletHandler, target);
    return pattern == null ? null : APIS.get(request.getClass()).enter(request, pattern);
  }

  /**
   * For a container that records requests itself (Undertow): the servlet route of a new request,
   * counted nowhere, or null (not a new request, or not a servlet request the agent knows).
   */
  public static ServletRoute route(Object request) {
    return APIS.get(request.getClass()).route(request);
  }

  /**
   * As {@link #route(Object)}, with the mapping the container matched given as its parts: its
   * {@code MappingMatch} (of the request's servlet API), pattern and servlet name.
   */
  public static ServletRoute route(
      Object request, Object mappingMatch, String pattern, String servletName) {
    return APIS.get(request.getClass()).route(request, mappingMatch, pattern, servletName);
  }

  /** The recorder of a request of {@code route} (from {@link #route}) that ended with a status. */
  public static RouteRecorder recorder(Object request, ServletRoute route, int status) {
    return APIS.get(request.getClass()).recorder(request, route, status);
  }

  /**
   * The container is about to send a request to an error page, whose handler may overwrite what the
   * framework said of the request's own handler.
   */
  public static void errorPage(Object request) {
    APIS.get(request.getClass()).errorPage(request);
  }

  /** The container's handling of a request that {@link #enter} counted has returned. */
  public static void exit(
      Object request, Object response, Object route, long start, Throwable thrown) {
    if (route != null) {
      APIS.get(request.getClass()).exit(request, response, (ServletRoute) route, start, thrown);
    }
  }

  /**
   * The container answered a request itself, before the method that {@link #enter} hooks (Tomcat's
   * redirect of a context's path to its root): recorded whole, from {@code start}.
   */
  public static void answered(Object request, Object response, long start) {
    APIS.get(request.getClass()).answered(request, response, start);
  }

  /**
   * A Jetty 9.4 to 11 context has refused a request in its check, before its servlet handler: if it
   * answered it (its redirect of its own path to its root), recorded whole, with the context's path
   * as route.
   */
  public static void contextAnswered(
      Object request, Object response, String contextPath, long start) {
    APIS.get(request.getClass()).answered(request, response, contextPath, start);
  }

  /**
   * A Jetty 12 context redirected a request for its own path to its root, before any servlet:
   * recorded whole, with the context's path as route, if it is a servlet context (a Jetty
   * application of core handlers is not measured at all).
   */
  public static void redirectedToContextRoot(
      Object contextHandler,
      String contextPath,
      String method,
      boolean secure,
      int status,
      long start) {
    if (SERVLET_CONTEXTS.get(contextHandler.getClass())) {
      ServletRoute route = ServletRoutes.route(secure, contextPath, "");
      if (route != null) {
        int index = RouteRecorder.method(method);
        route.recorder().begun(index);
        route.recorder().finished(index, status, start);
      }
    }
  }
}
