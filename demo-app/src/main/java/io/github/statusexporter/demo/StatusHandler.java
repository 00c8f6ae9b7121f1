package io.github.statusexporter.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code GET /status}: the seed's JSON status document. */
final class StatusHandler implements HttpHandler {
  private final AppStatus status;

  StatusHandler(AppStatus status) {
    this.status = status;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (Responses.allow(exchange, "GET")) {
      Responses.send(exchange, 200, "application/json", status.toJson());
    }
  }
}
