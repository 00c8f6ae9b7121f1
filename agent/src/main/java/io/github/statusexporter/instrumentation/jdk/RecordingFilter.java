package io.github.statusexporter.instrumentation.jdk;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.github.statusexporter.instrumentation.ApplicationStart;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.RouteRecorder;
import java.io.IOException;

/**
 * Records the requests of one JDK server context. The route label is the context's path, or the
 * user's route template that the request's path matches, never the request's URI, so the number of
 * series is bounded by the application's contexts and the templates.
 */
final class RecordingFilter extends Filter {
  /**
   * A completion stream per thread, reused while its requests finish on that thread. One that a
   * handler takes to another thread is left to it and replaced.
   */
  private static final ThreadLocal<CompletionStream> SPARE = new ThreadLocal<>();

  private final String route;
  private final boolean https;
  private volatile RouteRecorder recorder;

  RecordingFilter(String route, boolean https) {
    this.route = route;
    this.https = https;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    if (recorder() == null) {
      beforeStart(exchange, chain);
      return;
    }
    CompletionStream stream = begin(exchange);
    if (stream == null) {
      chain.doFilter(exchange);
      return;
    }
    try {
      chain.doFilter(exchange);
    } catch (IOException | RuntimeException | Error e) {
      stream.finish();
      throw e;
    }
    if (!stream.isFinished()) {
      SPARE.remove(); // the response goes on elsewhere: this stream is no longer ours to reuse
    }
  }

  /**
   * Before the agent has started: the request is kept ({@link EarlyRequests}) and recorded once the
   * metrics exist, and a successful answer tells the agent that the application has started ({@link
   * ApplicationStart}). Nothing of client_java is loaded or run here, on the application's first
   * requests; the agent's own start waits until after them.
   */
  private void beforeStart(HttpExchange exchange, Chain chain) throws IOException {
    long start = System.nanoTime();
    try {
      chain.doFilter(exchange);
    } finally {
      int status = exchange.getResponseCode();
      keep(exchange, status, System.nanoTime() - start);
      ApplicationStart.answered(status);
    }
  }

  private void keep(HttpExchange exchange, int status, long durationNanos) {
    try {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      if (!EarlyRequests.keep(this, path, method, status, durationNanos)) {
        // The metrics were made meanwhile, and the requests kept recorded already.
        RouteRecorder recorder = recorder();
        if (recorder != null && status >= 0 && !isAgentRead(exchange)) {
          recorder = templated(recorder, exchange);
          int index = RouteRecorder.method(method);
          recorder.begun(index);
          recorder.finished(index, status, System.nanoTime() - durationNanos);
        }
      }
    } catch (RuntimeException e) {
      // unrecorded, but served
    }
  }

  /** The recorder of a request kept before the metrics existed, on this filter's context. */
  RouteRecorder recorderFor(RequestMetrics metrics, String rawPath) {
    RouteRecorder context = metrics.route(route, https);
    if (!metrics.hasTemplates()) {
      return context;
    }
    RouteRecorder templated = metrics.templated(rawPath, https);
    return templated != null ? templated : context;
  }

  /** Starts recording the exchange; null when it is not to be recorded. Never throws. */
  private CompletionStream begin(HttpExchange exchange) {
    try {
      RouteRecorder recorder = recorder();
      if (recorder == null || isAgentRead(exchange)) {
        return null;
      }
      recorder = templated(recorder, exchange);
      CompletionStream stream = SPARE.get();
      if (stream == null || !stream.isFinished()) {
        stream = new CompletionStream();
        SPARE.set(stream);
      }
      int method = RouteRecorder.method(exchange.getRequestMethod());
      stream.open(exchange, exchange.getResponseBody(), recorder, method, recorder.started(method));
      exchange.setStreams(null, stream);
      return stream;
    } catch (RuntimeException e) {
      return null; // unrecorded, but served
    }
  }

  private RouteRecorder recorder() {
    RouteRecorder current = recorder;
    if (current == null) {
      RequestMetrics metrics = RequestRecording.metrics();
      if (metrics != null) {
        current = metrics.route(route, https);
        recorder = current;
      }
    }
    return current;
  }

  /**
   * The recorder of the user's template that the request's path matches, if any, over the
   * context's. Only when templates are configured is the path looked at: the URI's raw path is a
   * field of it, so even then nothing is allocated.
   */
  private RouteRecorder templated(RouteRecorder context, HttpExchange exchange) {
    RequestMetrics metrics = RequestRecording.metrics();
    if (metrics == null || !metrics.hasTemplates()) {
      return context;
    }
    RouteRecorder templated = metrics.templated(exchange.getRequestURI().getRawPath(), https);
    return templated != null ? templated : context;
  }

  private boolean isAgentRead(HttpExchange exchange) {
    return RequestRecording.mayServeAgentReads(route)
        && RequestRecording.isAgentUserAgent(exchange.getRequestHeaders().getFirst("User-Agent"));
  }

  @Override
  public String description() {
    return "status-exporter request metrics";
  }
}
