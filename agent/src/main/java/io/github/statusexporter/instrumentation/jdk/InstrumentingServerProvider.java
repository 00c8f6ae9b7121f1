package io.github.statusexporter.instrumentation.jdk;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import io.github.statusexporter.instrumentation.MeasuredServers;
import java.io.IOException;
import java.lang.StackWalker.Option;
import java.lang.StackWalker.StackFrame;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The JDK HTTP server provider the agent puts in place of the JDK's: the JDK's own servers, wrapped
 * so that every context records its requests, when they are the application's. Those of other
 * agents and monitoring libraries, and the agent's own, are the JDK's, unwrapped.
 */
final class InstrumentingServerProvider extends HttpServerProvider {
  private static final StackWalker STACK = StackWalker.getInstance(Option.RETAIN_CLASS_REFERENCE);

  private final HttpServerProvider jdk;
  private final ServerOwners owners;
  private final Consumer<String> log;

  /**
   * @param log where a server left out is said, once per server
   */
  InstrumentingServerProvider(HttpServerProvider jdk, ServerOwners owners, Consumer<String> log) {
    this.jdk = jdk;
    this.owners = owners;
    this.log = log;
  }

  @Override
  public HttpServer createHttpServer(InetSocketAddress address, int backlog) throws IOException {
    HttpServer server = jdk.createHttpServer(address, backlog);
    return isApplications(server) ? new InstrumentedHttpServer(server) : server;
  }

  @Override
  public HttpsServer createHttpsServer(InetSocketAddress address, int backlog) throws IOException {
    HttpsServer server = jdk.createHttpsServer(address, backlog);
    return isApplications(server) ? new InstrumentedHttpsServer(server) : server;
  }

  /** Once per server, when it is created: never on a request's path. */
  private boolean isApplications(HttpServer server) {
    Optional<String> owner;
    try {
      owner = STACK.walk(frames -> owners.ownerOf(frames.map(StackFrame::getDeclaringClass)));
    } catch (RuntimeException e) {
      return true; // as before there was a way to tell
    }
    if (owner.isEmpty()) {
      MeasuredServers.measured("JDK HTTP server", System.getProperty("java.version"));
      return true;
    }
    if (!owner.get().equals(ServerOwners.THIS_AGENT)) {
      log.accept("not measuring " + describe(server) + ": it belongs to " + owner.get());
    }
    return false;
  }

  private static String describe(HttpServer server) {
    InetSocketAddress address = server.getAddress();
    return address == null
        ? "an HTTP server not bound yet"
        : "the HTTP server on port " + address.getPort();
  }
}
