package io.github.statusexporter.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Serves the sources page as HTML to a browser, as JSON to anything else. */
final class SourcesHandler implements HttpHandler {
  /**
   * The page shows values a source sent, which an attacker may control: beyond escaping them, the
   * browser is told to run no script and load nothing, whatever slips through.
   */
  private static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

  private final SourcesPage page;

  SourcesHandler(SourcesPage page) {
    this.page = page;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (accept != null && accept.contains("text/html")) {
      exchange.getResponseHeaders().set("Content-Security-Policy", HTML_POLICY);
      Router.send(exchange, 200, "text/html; charset=utf-8", page.html());
    } else {
      Router.send(exchange, 200, "application/json", page.json());
    }
  }
}
