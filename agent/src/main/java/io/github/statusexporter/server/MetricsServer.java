package io.github.statusexporter.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.HealthyHandler;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The HTTP server Prometheus scrapes: {@code /metrics}, {@code /-/healthy} and a landing page on
 * {@code /}. Formats, compression and {@code name[]} filtering are client_java's {@link
 * MetricsHandler}; the server around it is the agent's own, so that the paths are exact and no
 * JVM-wide property is touched (client_java's HTTPServer sets {@code sun.net.httpserver.*} limits
 * that would also bind the application's own JDK server).
 */
public final class MetricsServer implements AutoCloseable {
  private static final int BACKLOG = 50;

  /**
   * Scrapes served at once; more get a 503 at once. Generous, since scrapes share one status read
   * and take milliseconds: a fleet of scrapers is served, a stampede is cut off.
   */
  public static final int CONCURRENT_SCRAPES = 32;

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * @param host the address to listen on; empty for all interfaces
   * @param security TLS, passwords and headers; they guard every path
   * @throws IOException when the port cannot be bound ({@link java.net.BindException} when it is
   *     taken)
   */
  public static MetricsServer start(
      Optional<String> host,
      int port,
      PrometheusRegistry registry,
      PrometheusProperties properties,
      ExecutorService executor,
      String version,
      WebSecurity security)
      throws IOException {
    InetSocketAddress address =
        host.map(h -> new InetSocketAddress(h, port)).orElseGet(() -> new InetSocketAddress(port));
    HttpServer server = security.createServer(address, BACKLOG);
    server.setExecutor(executor);
    HttpContext context =
        server.createContext(
            "/",
            new Router(
                new ConcurrencyLimit(new MetricsHandler(properties, registry), CONCURRENT_SCRAPES),
                new HealthyHandler(),
                version));
    // Scrapes are not the application's requests: drop any filter the JDK server was given.
    context.getFilters().clear();
    security.secure(context);
    server.start();
    return new MetricsServer(server, executor);
  }

  /** The port listened on, also when 0 was asked for. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
