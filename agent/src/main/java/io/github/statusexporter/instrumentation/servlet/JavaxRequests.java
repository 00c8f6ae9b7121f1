package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.RouteRecorder;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Records requests of containers on the javax servlet API 4 (Tomcat 9). A copy of {@link
 * JakartaRequests} with javax for jakarta, as the two APIs differ only by package; a test keeps the
 * copies the same.
 */
public final class JavaxRequests extends ServletApi {
  @Override
  public long enter(Object request) {
    HttpServletRequest http = (HttpServletRequest) request;
    // Forwards, includes, error pages and async re-dispatches are parts of a request counted once.
    if (http.getDispatcherType() != DispatcherType.REQUEST) {
      return 0;
    }
    RouteRecorder recorder = recorder(http);
    if (recorder == null || isAgentRead(http.getRequestURI(), http.getHeader("User-Agent"))) {
      return 0;
    }
    return recorder.started(RouteRecorder.method(http.getMethod()));
  }

  @Override
  public void exit(Object request, Object response, long start, Throwable thrown) {
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse httpResponse = (HttpServletResponse) response;
    RouteRecorder recorder = recorder(http);
    int method = RouteRecorder.method(http.getMethod());
    if (http.isAsyncStarted()) {
      http.getAsyncContext().addListener(new Completion(recorder, method, start, httpResponse));
    } else {
      int status = status(httpResponse.getStatus(), httpResponse.isCommitted(), thrown);
      recorder.finished(method, status, start);
    }
  }

  private static RouteRecorder recorder(HttpServletRequest http) {
    return ServletRoutes.recorder(
        http.isSecure(), http.getContextPath(), http.getHttpServletMapping().getPattern());
  }

  /** Ends the recording of an asynchronous request when its response is complete. */
  private static final class Completion implements AsyncListener {
    private final RouteRecorder recorder;
    private final int method;
    private final long start;
    private final HttpServletResponse response;

    Completion(RouteRecorder recorder, int method, long start, HttpServletResponse response) {
      this.recorder = recorder;
      this.method = method;
      this.start = start;
      this.response = response;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      recorder.finished(method, response.getStatus(), start);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // A new asynchronous cycle drops the listeners of the last one.
      event.getAsyncContext().addListener(this);
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}
  }
}
