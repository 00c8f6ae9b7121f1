package io.github.statusexporter.instrumentation.jdk;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/** {@link InstrumentedHttpServer} for HTTPS: the same, with the {@code https} scheme. */
final class InstrumentedHttpsServer extends HttpsServer {
  private final HttpsServer server;

  InstrumentedHttpsServer(HttpsServer server) {
    this.server = server;
  }

  @Override
  public HttpContext createContext(String path, HttpHandler handler) {
    return InstrumentedHttpServer.instrument(server.createContext(path, handler), true);
  }

  @Override
  public HttpContext createContext(String path) {
    return InstrumentedHttpServer.instrument(server.createContext(path), true);
  }

  @Override
  public void setHttpsConfigurator(HttpsConfigurator configurator) {
    server.setHttpsConfigurator(configurator);
  }

  @Override
  public HttpsConfigurator getHttpsConfigurator() {
    return server.getHttpsConfigurator();
  }

  @Override
  public void bind(InetSocketAddress address, int backlog) throws IOException {
    server.bind(address, backlog);
  }

  @Override
  public void start() {
    server.start();
  }

  @Override
  public void setExecutor(Executor executor) {
    server.setExecutor(executor);
  }

  @Override
  public Executor getExecutor() {
    return server.getExecutor();
  }

  @Override
  public void stop(int delay) {
    server.stop(delay);
  }

  @Override
  public void removeContext(String path) {
    server.removeContext(path);
  }

  @Override
  public void removeContext(HttpContext context) {
    server.removeContext(context);
  }

  @Override
  public InetSocketAddress getAddress() {
    return server.getAddress();
  }
}
