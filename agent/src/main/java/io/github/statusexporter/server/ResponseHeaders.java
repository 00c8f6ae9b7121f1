package io.github.statusexporter.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/**
 * The {@code http_server_config.headers} of the web configuration, on every response. A filter of
 * the context runs before its authenticator, so a 401 gets them too.
 */
final class ResponseHeaders extends Filter {
  private final Map<String, String> headers;

  ResponseHeaders(Map<String, String> headers) {
    this.headers = Map.copyOf(headers);
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      exchange.getResponseHeaders().set(header.getKey(), header.getValue());
    }
    chain.doFilter(exchange);
  }

  @Override
  public String description() {
    return "headers of the web configuration";
  }
}
