package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.RouteRecorder;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletMapping;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.MappingMatch;

/**
 * Records requests of containers on the javax servlet API (Tomcat 9, Jetty 10; Jetty 9.4's Servlet
 * 3.1, which has no mappings, through {@link ServletApiWithoutMappings}). A copy of {@link
 * JakartaRequests} with javax for jakarta, as the two APIs differ only by package; a test keeps the
 * copies the same.
 */
public final class JavaxRequests extends ServletApi {
  @Override
  public ServletRoute enter(Object request) {
    HttpServletRequest http = (HttpServletRequest) request;
    return isNew(http) ? begin(http, pattern(http, http.getHttpServletMapping())) : null;
  }

  @Override
  public ServletRoute enter(Object request, String pattern) {
    HttpServletRequest http = (HttpServletRequest) request;
    return isNew(http) ? begin(http, pattern) : null;
  }

  /**
   * False for forwards, includes, error pages and async re-dispatches: parts of a request counted
   * once. Tomcat re-dispatches the same request object, still of type REQUEST: the mark tells.
   */
  private static boolean isNew(HttpServletRequest http) {
    return http.getDispatcherType() == DispatcherType.REQUEST && http.getAttribute(ASYNC) == null;
  }

  private static ServletRoute begin(HttpServletRequest http, String pattern) {
    ServletRoute route = route(http, pattern);
    if (route == null
        || route.mayServeAgentReads()
            && RequestRecording.isAgentUserAgent(http.getHeader("User-Agent"))) {
      return null;
    }
    route.recorder().begun(RouteRecorder.method(http.getMethod()));
    return route;
  }

  @Override
  public ServletRoute route(Object request) {
    HttpServletRequest http = (HttpServletRequest) request;
    return isNew(http) ? route(http, pattern(http, http.getHttpServletMapping())) : null;
  }

  @Override
  public ServletRoute route(
      Object request, Object mappingMatch, String pattern, String servletName) {
    HttpServletRequest http = (HttpServletRequest) request;
    return isNew(http)
        ? route(http, pattern(http, (MappingMatch) mappingMatch, pattern, servletName))
        : null;
  }

  @Override
  public RouteRecorder recorder(Object request, ServletRoute route, int status) {
    HttpServletRequest http = (HttpServletRequest) request;
    return route.recorder(template(http, status), rawPath(route, http));
  }

  @Override
  public void errorPage(Object request) {
    HttpServletRequest http = (HttpServletRequest) request;
    if (http.getAttribute(TEMPLATE_BEFORE_ERROR_PAGE) == null) {
      Object template = frameworkTemplate(http);
      http.setAttribute(
          TEMPLATE_BEFORE_ERROR_PAGE, template instanceof String ? template : NO_TEMPLATE);
    }
  }

  @Override
  public void exit(
      Object request, Object response, ServletRoute route, long start, Throwable thrown) {
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse httpResponse = (HttpServletResponse) response;
    int method = RouteRecorder.method(http.getMethod());
    if (http.isAsyncStarted()) {
      http.setAttribute(ASYNC, Boolean.TRUE);
      http.getAsyncContext().addListener(new Completion(route, http, method, start, httpResponse));
    } else {
      int status = status(httpResponse.getStatus(), httpResponse.isCommitted(), thrown);
      route.recorder(template(http, status), rawPath(route, http)).finished(method, status, start);
    }
  }

  /**
   * The framework's template of the request's handler, if one was chosen: as it was before an error
   * page, if the request went to one (only a request that failed can have).
   */
  private static Object template(HttpServletRequest http, int status) {
    Object beforeErrorPage = status >= 400 ? http.getAttribute(TEMPLATE_BEFORE_ERROR_PAGE) : null;
    return beforeErrorPage != null ? beforeErrorPage : frameworkTemplate(http);
  }

  /** The template of the request's handler: Spring MVC's if it chose one, else a JAX-RS one. */
  private static Object frameworkTemplate(HttpServletRequest http) {
    Object springMvc = http.getAttribute(SPRING_MVC_TEMPLATE);
    return springMvc instanceof String ? springMvc : http.getAttribute(MATCHED_TEMPLATE);
  }

  /** The request's raw path, only when the user wrote templates: taking it may make a string. */
  private static String rawPath(ServletRoute route, HttpServletRequest http) {
    return route.hasUserTemplates() ? http.getRequestURI() : null;
  }

  private static ServletRoute route(HttpServletRequest http, String pattern) {
    // The context's own path: the request's is the start of its raw URI, which the client
    // chooses (Tomcat keeps "/shop;x=1" and "/sh%6Fp"). No pattern, no context to ask: Tomcat
    // has none for a request no context took.
    String context = pattern.isEmpty() ? "" : http.getServletContext().getContextPath();
    return ServletRoutes.route(http.isSecure(), context, pattern);
  }

  /**
   * The pattern of the mapping that served the request; {@code "/"}, the directory's, for a welcome
   * file; empty when no servlet took the request.
   */
  private static String pattern(HttpServletRequest http, HttpServletMapping mapping) {
    return pattern(http, mapping.getMappingMatch(), mapping.getPattern(), mapping.getServletName());
  }

  /** As above, from the mapping's parts. */
  private static String pattern(
      HttpServletRequest http, MappingMatch match, String pattern, String servlet) {
    if (match == null) {
      // Tomcat names no match for a welcome file that its default servlet serves (its Mapper's
      // rule 4c), and none when no servlet took the request.
      return servlet == null || servlet.isEmpty() ? "" : "/";
    }
    if (match == MappingMatch.CONTEXT_ROOT) {
      return "/";
    }
    if (match == MappingMatch.EXTENSION && http.getRequestURI().endsWith("/")) {
      // A welcome file found by an extension mapping (ROOT's index.jsp, by *.jsp): a path that
      // ends with "/" cannot match an extension itself. Only extension matches look at the URI,
      // whose string Tomcat then keeps for the request (its access log takes it too); an
      // exact mapping of a welcome file (rare) keeps its own pattern.
      return "/";
    }
    return pattern == null ? "" : pattern;
  }

  /**
   * Records a request the container answered before any web application saw it: Tomcat redirects a
   * context's own path to its root ({@code /docs} to {@code /docs/}), whose route is that path, and
   * a directory's path to the directory ({@code /docs/images}), whose route is the default
   * servlet's, which would have served it (as Jetty's does, which sends that redirect itself).
   * Tomcat answers {@code OPTIONS *} there too, which no context takes.
   */
  @Override
  public void answered(Object request, Object response, long start) {
    HttpServletRequest http = (HttpServletRequest) request;
    boolean inContext = !"*".equals(http.getRequestURI());
    String pattern = inContext ? pattern(http, http.getHttpServletMapping()) : "";
    String context = inContext ? http.getServletContext().getContextPath() : "";
    record(http, (HttpServletResponse) response, context, pattern, start);
  }

  @Override
  public void answered(Object request, Object response, String contextPath, long start) {
    HttpServletResponse httpResponse = (HttpServletResponse) response;
    if (httpResponse.isCommitted()) {
      record((HttpServletRequest) request, httpResponse, contextPath, "", start);
    }
  }

  private static void record(
      HttpServletRequest http,
      HttpServletResponse response,
      String context,
      String pattern,
      long start) {
    ServletRoute route = ServletRoutes.route(http.isSecure(), context, pattern);
    if (route == null
        || route.mayServeAgentReads()
            && RequestRecording.isAgentUserAgent(http.getHeader("User-Agent"))) {
      return;
    }
    int method = RouteRecorder.method(http.getMethod());
    route.recorder().begun(method);
    route.recorder().finished(method, response.getStatus(), start);
  }

  /** Ends the recording of an asynchronous request when its response is complete. */
  private static final class Completion implements AsyncListener {
    private final ServletRoute route;
    private final HttpServletRequest request;
    private final int method;
    private final long start;
    private final HttpServletResponse response;

    Completion(
        ServletRoute route,
        HttpServletRequest request,
        int method,
        long start,
        HttpServletResponse response) {
      this.route = route;
      this.request = request;
      this.method = method;
      this.start = start;
      this.response = response;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      try {
        int status = response.getStatus();
        route
            .recorder(template(request, status), rawPath(route, request))
            .finished(method, status, start);
      } catch (RuntimeException | LinkageError e) {
        // unrecorded; the container must not hear of it
      }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      try {
        // A new asynchronous cycle drops the listeners of the last one.
        event.getAsyncContext().addListener(this);
      } catch (RuntimeException e) {
        // the request ends unrecorded
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}
  }
}
