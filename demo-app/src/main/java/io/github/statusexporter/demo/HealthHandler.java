package io.github.statusexporter.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** {@code POST /health} with body {@code healthy} or {@code unhealthy}: sets the health. */
final class HealthHandler implements HttpHandler {
  private final AppStatus status;

  HealthHandler(AppStatus status) {
    this.status = status;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!Responses.allow(exchange, "POST")) {
      return;
    }
    String health;
    try (InputStream body = exchange.getRequestBody()) {
      health = new String(body.readNBytes(64), StandardCharsets.UTF_8).trim();
    }
    if (AppStatus.HEALTHY.equals(health) || AppStatus.UNHEALTHY.equals(health)) {
      status.setHealth(health);
      Responses.text(exchange, 200, health);
    } else {
      Responses.text(exchange, 400, "body must be 'healthy' or 'unhealthy'");
    }
  }
}
