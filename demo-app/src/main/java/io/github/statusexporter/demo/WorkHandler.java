package io.github.statusexporter.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code GET /work?ms=N}: holds a worker for N milliseconds. The exchange is handed to a small
 * worker pool, so requests queue (pending) while the HTTP threads stay free for {@code /status}.
 */
final class WorkHandler implements HttpHandler {
  static final int MAX_MILLIS = 60_000;

  private final AppStatus status;
  private final ExecutorService workers;

  WorkHandler(AppStatus status, ExecutorService workers) {
    this.status = status;
    this.workers = workers;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!Responses.allow(exchange, "GET")) {
      return;
    }
    int millis = millis(exchange.getRequestURI().getRawQuery());
    if (millis < 0) {
      Responses.text(exchange, 400, "ms must be a whole number from 0 to " + MAX_MILLIS);
      return;
    }
    status.accepted();
    try {
      workers.execute(() -> work(exchange, millis));
    } catch (RejectedExecutionException e) {
      status.dropped();
      Responses.text(exchange, 503, "shutting down");
    }
  }

  private void work(HttpExchange exchange, int millis) {
    status.started();
    try {
      Thread.sleep(millis);
      Responses.text(exchange, 200, "worked " + millis + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } catch (IOException e) {
      exchange.close(); // the client went away
    } finally {
      status.finished();
    }
  }

  /** The {@code ms} parameter, 0 when absent, -1 when invalid. */
  static int millis(String query) {
    if (query == null) {
      return 0;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("ms=")) {
        try {
          int millis = Integer.parseInt(pair.substring(3));
          return millis >= 0 && millis <= MAX_MILLIS ? millis : -1;
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return 0;
  }
}
