package io.github.statusexporter.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends each request to the handler of its exact path. The JDK server matches contexts by prefix,
 * so {@code /metricsfoo} would otherwise answer as {@code /metrics}.
 */
final class Router implements HttpHandler {
  /** Under the JDK server's 8 KiB buffer in front of its socket stream, so that it buffers them. */
  private static final int WRITE_PIECE = 4096;

  private final Map<String, HttpHandler> handlers;
  private final byte[] landingPage;

  Router(HttpHandler metrics, HttpHandler healthy, HttpHandler sources, String version) {
    handlers =
        Map.of(
            "/",
            new HttpHandler() { // not this::landingPage, a class the JVM would spin
              @Override
              public void handle(HttpExchange exchange) throws IOException {
                landingPage(exchange);
              }
            },
            "/metrics",
            metrics,
            "/-/healthy",
            healthy,
            "/-/sources",
            sources);
    landingPage =
        ("<!DOCTYPE html>\n<html><head><title>status-exporter</title></head><body>\n"
                + "<h1>status-exporter "
                + version
                + "</h1>\n<ul>\n"
                + "<li><a href=\"metrics\">/metrics</a>: the metrics, for Prometheus</li>\n"
                + "<li><a href=\"-/sources\">/-/sources</a>: what each status source read, and"
                + " what became of every field</li>\n"
                + "<li><a href=\"-/healthy\">/-/healthy</a>: is the exporter up</li>\n"
                + "</ul>\n</body></html>\n")
            .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    HttpHandler handler = handlers.get(exchange.getRequestURI().getPath());
    if (handler != null) {
      handler.handle(exchange);
    } else {
      send(
          exchange,
          404,
          "text/plain; charset=utf-8",
          "Not found. Metrics are on /metrics.\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private void landingPage(HttpExchange exchange) throws IOException {
    send(exchange, 200, "text/html; charset=utf-8", landingPage);
  }

  /** Sends a whole answer, or only its head to a HEAD request, and closes the exchange. */
  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    send(exchange, status, type, body, body.length);
  }

  /** The same for the first {@code length} bytes of {@code body}. */
  static void send(HttpExchange exchange, int status, String type, byte[] body, int length)
      throws IOException {
    try {
      exchange.getResponseHeaders().set("Content-Type", type);
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, length);
      try (OutputStream out = exchange.getResponseBody()) {
        // In pieces: the JDK server's socket stream (behind an 8 KiB BufferedOutputStream, which
        // passes a larger write straight on) copies a write larger than its buffer (4 KiB on a new
        // connection) into a new buffer of twice that length: half a MB of garbage for a 250 KB
        // scrape from a client that does not keep its connection (curl, a health check). Pieces
        // reach it as 8 KiB writes: it grows once, to 16 KiB.
        for (int offset = 0; offset < length; offset += WRITE_PIECE) {
          out.write(body, offset, Math.min(WRITE_PIECE, length - offset));
        }
      }
    } finally {
      exchange.close();
    }
  }
}
