package io.github.statusexporter.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on a free loopback port whose {@code /status} answer a test sets. */
public final class LocalStatusServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int status = 200;
  private volatile byte[] body = new byte[0];
  private volatile long delayMillis;
  private volatile String location;
  private volatile boolean chunked;

  public LocalStatusServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/status", this::answer);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/status");
  }

  public LocalStatusServer answer(int status, String body) {
    return answer(status, body.getBytes(StandardCharsets.UTF_8));
  }

  public LocalStatusServer answer(int status, byte[] body) {
    this.status = status;
    this.body = body;
    return this;
  }

  /** Sends bodies chunked, without a Content-Length, as servers that stream their JSON do. */
  public LocalStatusServer chunked() {
    this.chunked = true;
    return this;
  }

  public LocalStatusServer delay(long millis) {
    this.delayMillis = millis;
    return this;
  }

  public LocalStatusServer redirectTo(String location) {
    this.location = location;
    return answer(302, "");
  }

  public int requests() {
    return requests.get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try {
      Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (location != null) {
      exchange.getResponseHeaders().set("Location", location);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    byte[] bytes = body;
    exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
