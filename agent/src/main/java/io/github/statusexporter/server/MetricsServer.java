package io.github.statusexporter.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.HealthyHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The HTTP server Prometheus scrapes: {@code /metrics}, {@code /-/healthy}, the sources page on
 * {@code /-/sources} and a landing page on {@code /}. The exposition formats are client_java's; the
 * server around them is the agent's own, so that the paths are exact, no JVM-wide property is
 * touched (client_java's HTTPServer sets {@code sun.net.httpserver.*} limits that would also bind
 * the application's own JDK server), and no client can take more than a bounded share of the
 * application's threads, memory and CPU: see {@link ServerThreads}, {@link SharedRenderings} and
 * the password checks' turns.
 */
public final class MetricsServer implements AutoCloseable {
  private static final int BACKLOG = 50;

  /**
   * Scrapes served at once; more get a 503 at once. Generous, since scrapes share their renderings
   * and wait for them without work: a fleet of scrapers is served, a stampede is cut off. The
   * threads beyond it answer health checks, landing pages and 503s.
   */
  public static final int CONCURRENT_SCRAPES = ServerThreads.MAX_THREADS - 8;

  /** Requests of {@code /-/sources} computed at once; more are refused as scrapes are. */
  static final int CONCURRENT_PAGES = 2;

  private static final SourcesPage NO_SOURCES =
      new SourcesPage() {
        @Override
        public byte[] json() {
          return "{\"sources\":[]}".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] html() {
          return "<!DOCTYPE html>\n<title>status sources</title><p>No status source.</p>\n"
              .getBytes(StandardCharsets.UTF_8);
        }
      };

  private final HttpServer server;
  private final ServerThreads threads;

  private MetricsServer(HttpServer server, ServerThreads threads) {
    this.server = server;
    this.threads = threads;
  }

  /** A server whose sources page lists no source, as when the agent reads none. */
  public static MetricsServer start(
      Optional<String> host,
      int port,
      PrometheusRegistry registry,
      String version,
      WebSecurity security,
      Consumer<String> log)
      throws IOException {
    return start(host, port, registry, version, security, log, NO_SOURCES);
  }

  /**
   * @param host the address to listen on; empty for all interfaces
   * @param security TLS, passwords and headers; they guard every path
   * @param log where a trouble that can recur on every scrape is said, at most once a minute
   * @param sources what {@code /-/sources} shows
   * @throws IOException when the port cannot be bound ({@link java.net.BindException} when it is
   *     taken)
   */
  public static MetricsServer start(
      Optional<String> host,
      int port,
      PrometheusRegistry registry,
      String version,
      WebSecurity security,
      Consumer<String> log,
      SourcesPage sources)
      throws IOException {
    // No lambdas in this method: each would have the JVM spin a class as the agent starts (~30 KB
    // of garbage on JDK 25).
    InetSocketAddress address =
        host.isPresent() ? new InetSocketAddress(host.get(), port) : new InetSocketAddress(port);
    HttpServer server = security.createServer(address, BACKLOG);
    ServerMetrics metrics = new ServerMetrics(registry, new OncePerMinute(log));
    ServerThreads threads = new ServerThreads(metrics);
    server.setExecutor(threads);
    ScrapeHandler scrapes =
        new ScrapeHandler(registry, metrics, new OncePerMinute(log), new OncePerMinute(log));
    HttpContext context =
        server.createContext(
            "/",
            new Router(
                new ConcurrencyLimit(scrapes, CONCURRENT_SCRAPES, metrics),
                new HealthyHandler(),
                // The page maps every source's last reading again: bounded like scrapes.
                new ConcurrencyLimit(new SourcesHandler(sources), CONCURRENT_PAGES, metrics),
                version));
    // Scrapes are not the application's requests: drop any filter the JDK server was given.
    context.getFilters().clear();
    context.getFilters().add(ServerThreads.headReadFilter());
    Optional<Filter> noDelay = NoDelay.filter();
    if (noDelay.isPresent()) {
      context.getFilters().add(noDelay.get());
    }
    Optional<String> noDelayMissing = NoDelay.missing();
    if (noDelayMissing.isPresent()) {
      log.accept(
          "the metrics server cannot turn off Nagle's algorithm on its connections ("
              + noDelayMissing.get()
              + "): scrapes without gzip may wait ~40 ms each;"
              + " -Dsun.net.httpserver.nodelay=true turns it off for every JDK server");
    }
    security.secure(context, metrics);
    try {
      server.start();
    } catch (RuntimeException e) {
      threads.close();
      throw e;
    }
    return new MetricsServer(server, threads);
  }

  /** The port listened on, also when 0 was asked for. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.close();
  }
}
