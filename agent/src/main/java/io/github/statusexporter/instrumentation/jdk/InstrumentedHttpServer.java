package io.github.statusexporter.instrumentation.jdk;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/** The JDK's server, unchanged but for a recording filter on every context it creates. */
final class InstrumentedHttpServer extends HttpServer {
  private final HttpServer server;

  InstrumentedHttpServer(HttpServer server) {
    this.server = server;
  }

  @Override
  public HttpContext createContext(String path, HttpHandler handler) {
    return instrument(server.createContext(path, handler), false);
  }

  @Override
  public HttpContext createContext(String path) {
    return instrument(server.createContext(path), false);
  }

  static HttpContext instrument(HttpContext context, boolean https) {
    context.getFilters().add(new RecordingFilter(context.getPath(), https));
    return context;
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
