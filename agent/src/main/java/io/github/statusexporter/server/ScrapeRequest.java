package io.github.statusexporter.server;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A scrape as client_java's registry and query parsing see it. The agent's own view, not
 * client_java's {@code HttpExchangeAdapter}, whose class sets up {@code java.util.logging} and logs
 * a stack trace for every scraper that goes away.
 */
final class ScrapeRequest implements PrometheusHttpRequest {
  private final HttpExchange exchange;

  ScrapeRequest(HttpExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public String getQueryString() {
    return exchange.getRequestURI().getRawQuery();
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    List<String> values = exchange.getRequestHeaders().get(name);
    return values == null ? Collections.emptyEnumeration() : Collections.enumeration(values);
  }

  @Override
  public String getMethod() {
    return exchange.getRequestMethod();
  }

  @Override
  public String getRequestPath() {
    return exchange.getRequestURI().getPath();
  }
}
