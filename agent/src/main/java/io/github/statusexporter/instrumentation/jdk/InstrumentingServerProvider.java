package io.github.statusexporter.instrumentation.jdk;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The JDK HTTP server provider the agent names in {@code
 * com.sun.net.httpserver.HttpServerProvider}: the JDK's own servers, wrapped so that every context
 * records its requests. The JDK creates it by name with its no-argument constructor.
 */
public final class InstrumentingServerProvider extends HttpServerProvider {
  private final HttpServerProvider jdk = JdkServerInstrumentation.jdkProvider();

  @Override
  public HttpServer createHttpServer(InetSocketAddress address, int backlog) throws IOException {
    return new InstrumentedHttpServer(jdk.createHttpServer(address, backlog));
  }

  @Override
  public HttpsServer createHttpsServer(InetSocketAddress address, int backlog) throws IOException {
    return new InstrumentedHttpsServer(jdk.createHttpsServer(address, backlog));
  }
}
