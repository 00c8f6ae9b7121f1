package io.github.statusexporter.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

/**
 * Lets a few scrapes run at once and answers the rest 503 at once: more scrapers than that (a
 * misconfigured fleet, a reload storm) get a fast error, never a hang, and never more of the
 * application's CPU.
 */
final class ConcurrencyLimit implements HttpHandler {
  private static final byte[] BUSY =
      "Too many scrapes at once; try again.\n".getBytes(StandardCharsets.UTF_8);

  private final HttpHandler handler;
  private final Semaphore permits;

  ConcurrencyLimit(HttpHandler handler, int concurrentScrapes) {
    this.handler = handler;
    this.permits = new Semaphore(concurrentScrapes);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!permits.tryAcquire()) {
      try {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Retry-After", "1");
        exchange.sendResponseHeaders(503, BUSY.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(BUSY);
        }
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
