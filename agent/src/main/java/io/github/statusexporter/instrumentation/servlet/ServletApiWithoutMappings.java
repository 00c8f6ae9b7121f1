package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.RouteRecorder;

/**
 * The adapter of a servlet API without mappings (servlet 3.1: Jetty 9.4, Tomcat 8.5), whose
 * requests cannot say which mapping served them: only requests whose container names the pattern
 * itself (Jetty 9.4's hook) are recorded. Every other call goes to the javax adapter, which asks a
 * request for its mapping only where this one does not call it.
 */
final class ServletApiWithoutMappings extends ServletApi {
  private final ServletApi javax;

  ServletApiWithoutMappings(ServletApi javax) {
    this.javax = javax;
  }

  @Override
  public ServletRoute enter(Object request) {
    return null;
  }

  @Override
  public ServletRoute enter(Object request, String pattern) {
    return javax.enter(request, pattern);
  }

  @Override
  public ServletRoute route(Object request) {
    return null;
  }

  @Override
  public RouteRecorder recorder(Object request, ServletRoute route, int status) {
    return javax.recorder(request, route, status);
  }

  @Override
  public void errorPage(Object request) {
    javax.errorPage(request);
  }

  @Override
  public void exit(
      Object request, Object response, ServletRoute route, long start, Throwable thrown) {
    javax.exit(request, response, route, start, thrown);
  }

  @Override
  public void answered(Object request, Object response, long start) {}

  @Override
  public void answered(Object request, Object response, String contextPath, long start) {
    javax.answered(request, response, contextPath, start);
  }
}
