package io.github.statusexporter.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

/**
 * Lets many scrapes wait for their answers at once and answers the rest 503 after half a second:
 * more scrapers than that (a misconfigured fleet, a reload storm) get an error, never a hang, and
 * never more of the application's CPU: one refused at once would only ask again at once.
 */
final class ConcurrencyLimit implements HttpHandler {
  private static final byte[] BUSY =
      "Too many scrapes at once; try again.\n".getBytes(StandardCharsets.UTF_8);

  static final long REFUSAL_DELAY_MILLIS = 500;

  private final HttpHandler handler;
  private final Semaphore permits;

  private final ServerMetrics metrics;

  ConcurrencyLimit(HttpHandler handler, int concurrentScrapes, ServerMetrics metrics) {
    this.handler = handler;
    this.permits = new Semaphore(concurrentScrapes);
    this.metrics = metrics;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!permits.tryAcquire()) {
      metrics.refused(ServerMetrics.Refused.TOO_MANY_SCRAPES);
      try {
        Thread.sleep(REFUSAL_DELAY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Retry-After", "1");
        exchange.sendResponseHeaders(503, BUSY.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(BUSY);
        }
      } catch (IOException e) {
        metrics.connectionDropped(ServerMetrics.Dropped.CLIENT_GONE);
      } finally {
        exchange.close();
      }
      return;
    }
    try {
      handler.handle(exchange);
    } finally {
      permits.release();
    }
  }
}
