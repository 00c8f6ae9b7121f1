package io.github.statusexporter.instrumentation.jdk;

import com.sun.net.httpserver.HttpExchange;
import io.github.statusexporter.instrumentation.RouteRecorder;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The response body stream of an exchange, put in place by {@link RecordingFilter}: the JDK server
 * closes it when the response is complete (also for responses without a body, and when the handler
 * closes the exchange), which ends the request's duration, on whatever thread finishes the
 * response.
 */
final class CompletionStream extends OutputStream {
  private OutputStream out;
  private HttpExchange exchange;
  private RouteRecorder recorder;
  private int method;
  private long startNanos;
  private volatile boolean finished = true;

  /** Attaches this stream to a new request; it must be finished with the previous one. */
  void open(
      HttpExchange exchange, OutputStream out, RouteRecorder recorder, int method, long start) {
    this.exchange = exchange;
    this.out = out;
    this.recorder = recorder;
    this.method = method;
    this.startNanos = start;
    this.finished = false;
  }

  boolean isFinished() {
    return finished;
  }

  /** Records the request once, with the status sent so far; never throws. */
  synchronized void finish() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      recorder.finished(method, exchange.getResponseCode(), startNanos);
    } catch (RuntimeException e) {
      // Recording must never fail the application's response.
    }
    exchange = null;
    recorder = null;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } finally {
      finish();
    }
  }
}
