package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Behind the filter, the connection's socket has Nagle's algorithm off by the time the handler
 * answers, on every exchange of a kept connection. The unit tests' JVM runs with
 * sun.net.httpserver.nodelay (which the JDK reads once per JVM), so a filter first turns it back
 * on, as the JDK server leaves it without that setting.
 */
class NoDelayTest {
  @Test
  void theConnectionsSocketHasNagleOffWhenTheHandlerAnswers() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    HttpContext plain = server.createContext("/plain", NoDelayTest::answerNoDelay);
    HttpContext filtered = server.createContext("/filtered", NoDelayTest::answerNoDelay);
    plain.getFilters().add(new NagleOn());
    filtered.getFilters().add(new NagleOn());
    filtered.getFilters().add(new NoDelay());
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      assertThat(get(base + "/plain")).isEqualTo("false");
      for (int i = 0; i < 3; i++) {
        assertThat(get(base + "/filtered")).isEqualTo("true");
      }
    } finally {
      server.stop(0);
    }
  }

  /** What the JDK server does without sun.net.httpserver.nodelay. */
  private static final class NagleOn extends Filter {
    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      try {
        NoDelay.channel(exchange).setOption(StandardSocketOptions.TCP_NODELAY, false);
      } catch (Throwable e) {
        throw new IOException(e);
      }
      chain.doFilter(exchange);
    }

    @Override
    public String description() {
      return "Nagle's algorithm on";
    }
  }

  private static void answerNoDelay(HttpExchange exchange) throws IOException {
    String noDelay;
    try {
      noDelay =
          String.valueOf(NoDelay.channel(exchange).getOption(StandardSocketOptions.TCP_NODELAY));
    } catch (Throwable e) {
      noDelay = e.toString();
    }
    byte[] body = noDelay.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static String get(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    try (InputStream in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
