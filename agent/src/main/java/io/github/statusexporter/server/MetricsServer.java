package io.github.statusexporter.server;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** The HTTP server Prometheus scrapes: {@code /metrics}, {@code /-/healthy} and {@code /}. */
public final class MetricsServer {
  /**
   * client_java's HTTPServer sets these JVM-wide when its class loads. They would also limit the
   * application's own JDK HTTP server (a 60 s cap on reading a request), so they are put back.
   */
  private static final String[] GLOBAL_PROPERTIES = {
    "sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxRspTime"
  };

  private MetricsServer() {}

  /**
   * @throws IOException when the port cannot be bound ({@link java.net.BindException} when it is
   *     taken)
   */
  public static HTTPServer start(
      Optional<String> host,
      int port,
      PrometheusRegistry registry,
      PrometheusProperties properties,
      ExecutorService executor,
      String version)
      throws IOException {
    boolean[] wasSet = new boolean[GLOBAL_PROPERTIES.length];
    for (int i = 0; i < GLOBAL_PROPERTIES.length; i++) {
      wasSet[i] = System.getProperty(GLOBAL_PROPERTIES[i]) != null;
    }
    HTTPServer.Builder builder = HTTPServer.builder(properties);
    for (int i = 0; i < GLOBAL_PROPERTIES.length; i++) {
      if (!wasSet[i]) {
        System.clearProperty(GLOBAL_PROPERTIES[i]);
      }
    }
    host.ifPresent(builder::hostname);
    return builder
        .port(port)
        .registry(registry)
        .executorService(executor)
        .defaultHandler(new LandingPage(version))
        .buildAndStart();
  }
}
