package io.github.statusexporter.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Answers {@code /} with a page that links to the endpoints, and any other path with 404. */
final class LandingPage implements HttpHandler {
  private final byte[] page;

  LandingPage(String version) {
    page =
        ("<!DOCTYPE html>\n<html><head><title>status-exporter</title></head><body>\n"
                + "<h1>status-exporter "
                + version
                + "</h1>\n<ul>\n"
                + "<li><a href=\"metrics\">/metrics</a>: the metrics, for Prometheus</li>\n"
                + "<li><a href=\"-/healthy\">/-/healthy</a>: is the exporter up</li>\n"
                + "</ul>\n</body></html>\n")
            .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if ("/".equals(exchange.getRequestURI().getPath())) {
        send(exchange, 200, "text/html; charset=utf-8", page);
      } else {
        send(
            exchange,
            404,
            "text/plain; charset=utf-8",
            "Not found. Metrics are on /metrics.\n".getBytes(StandardCharsets.UTF_8));
      }
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
