package io.github.statusexporter.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A status endpoint in the test's own JVM that answers whatever a test tells it to. */
final class FaultyStatusServer implements AutoCloseable {
  private final HttpServer server;
  private volatile int status = 200;
  private volatile byte[] body = new byte[0];
  private volatile long delayMillis;
  private volatile String location;
  private final AtomicInteger requests = new AtomicInteger();

  FaultyStatusServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/status", this::answer);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/status";
  }

  void answer(int status, byte[] body, long delayMillis, String location) {
    this.status = status;
    this.body = body;
    this.delayMillis = delayMillis;
    this.location = location;
  }

  /** How many requests it has had. */
  int requests() {
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
    byte[] bytes = body;
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException clientGaveUp) {
      // the agent stops reading a body over its limit
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
