package io.github.statusexporter.it;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A JDK server provider of the application's own, as {@code
 * -Dcom.sun.net.httpserver.HttpServerProvider} names one (Jetty's {@code JettyHttpServerProvider},
 * a provider that counts or limits servers): the JDK's servers, each said on stdout with its port
 * as it is made. Needs {@code --add-exports jdk.httpserver/sun.net.httpserver=ALL-UNNAMED}.
 */
public final class CountingServerProvider extends HttpServerProvider {
  private final HttpServerProvider jdk;

  public CountingServerProvider() throws ReflectiveOperationException {
    jdk =
        (HttpServerProvider)
            Class.forName("sun.net.httpserver.DefaultHttpServerProvider")
                .getConstructor()
                .newInstance();
  }

  @Override
  public HttpServer createHttpServer(InetSocketAddress address, int backlog) throws IOException {
    said(address);
    return jdk.createHttpServer(address, backlog);
  }

  @Override
  public HttpsServer createHttpsServer(InetSocketAddress address, int backlog) throws IOException {
    said(address);
    return jdk.createHttpsServer(address, backlog);
  }

  private static void said(InetSocketAddress address) {
    System.out.println(
        "application's provider: a server on port " + (address == null ? 0 : address.getPort()));
  }
}
