package io.github.statusexporter.server;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The JDK's own HTTP server for the metrics server, whatever provider the application names ({@code
 * -Dcom.sun.net.httpserver.HttpServerProvider}) or declares as a service: {@code HttpServer.create}
 * would have the application's provider make the agent's server (Jetty's, or one that counts or
 * limits the servers it makes), and the agent's connections rely on the JDK's server ({@link
 * NoDelay}). Its provider class is reached through the JDK server's package, which the agent opens
 * to itself at start; where it is not open, {@code HttpServer.create} as before.
 */
final class JdkServerProvider {
  private static final String DEFAULT_PROVIDER = "sun.net.httpserver.DefaultHttpServerProvider";

  private JdkServerProvider() {}

  static HttpServer http(InetSocketAddress address, int backlog) throws IOException {
    HttpServerProvider jdk = jdks();
    return jdk == null
        ? HttpServer.create(address, backlog)
        : jdk.createHttpServer(address, backlog);
  }

  static HttpsServer https(InetSocketAddress address, int backlog) throws IOException {
    HttpServerProvider jdk = jdks();
    return jdk == null
        ? HttpsServer.create(address, backlog)
        : jdk.createHttpsServer(address, backlog);
  }

  /** The JDK's provider, or null where its class cannot be reached. */
  private static HttpServerProvider jdks() {
    try {
      return (HttpServerProvider)
          Class.forName(DEFAULT_PROVIDER, true, HttpServer.class.getClassLoader())
              .getConstructor()
              .newInstance();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // Not opened to the agent (redefineModule failed, or no Instrumentation), or a JDK whose
      // server differs.
      return null;
    }
  }
}
