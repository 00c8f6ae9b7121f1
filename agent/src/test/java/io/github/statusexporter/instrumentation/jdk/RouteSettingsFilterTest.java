package io.github.statusexporter.instrumentation.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.statusexporter.config.mappingfile.RouteSettings;
import io.github.statusexporter.config.options.HistogramBuckets;
import io.github.statusexporter.instrumentation.Exposition;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routes ignored, templated and capped, on a real JDK server wrapped as the agent wraps it. */
class RouteSettingsFilterTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;

  private void start(RouteSettings settings) throws Exception {
    RequestMetrics metrics = new RequestMetrics(HistogramBuckets.CLASSIC, settings);
    metrics.register(registry);
    RequestRecording.install(metrics);
    server =
        new InstrumentedHttpServer(
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16));
    server.setExecutor(Executors.newFixedThreadPool(2));
    for (String context : List.of("/", "/health", "/a", "/b", "/c")) {
      server.createContext(
          context,
          exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
    }
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
    RequestRecording.install(null);
  }

  private void get(String path) throws Exception {
    client.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** The counts by route, once the last request's count is in (it lands just after the reply). */
  private String countsOnce(int total) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      String counts = Exposition.lines(registry, "http_server_request_duration_seconds_count");
      if (counts.lines().mapToDouble(line -> Double.parseDouble(line.replaceAll(".* ", ""))).sum()
          >= total) {
        return counts;
      }
      Thread.sleep(10);
    }
    return Exposition.lines(registry, "http_server_request_duration_seconds_count");
  }

  private static String count(String route, int count) {
    return "http_server_request_duration_seconds_count{http_request_method=\"GET\","
        + "http_response_status_code=\"204\",http_route=\""
        + route
        + "\",url_scheme=\"http\"} "
        + count;
  }

  @Test
  void ignoredRoutesHaveNoSeriesAndTemplatesNameTheRestOfTheirContext() throws Exception {
    start(
        new RouteSettings(List.of("/health"), List.of("/orders/{id}", "/orders/{id}/items"), 500));

    get("/health");
    get("/health/deep");
    get("/orders/1");
    get("/orders/2");
    get("/orders/3/items");
    get("/orders");
    get("/elsewhere");

    assertThat(countsOnce(5))
        .isEqualTo(
            String.join(
                "\n", count("/", 2), count("/orders/{id}", 2), count("/orders/{id}/items", 1)));
    assertThat(Exposition.lines(registry, "http_server_active_requests"))
        .isEqualTo(
            "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"} 0.0");
  }

  @Test
  void aTemplateCanBeIgnoredToo() throws Exception {
    start(new RouteSettings(List.of("/orders/{id}"), List.of("/orders/{id}"), 500));

    get("/orders/1");
    get("/orders/1/items");

    assertThat(countsOnce(1)).isEqualTo(count("/", 1));
  }

  @Test
  void routesPastTheCapFoldAndIgnoredOnesDoNotCount() throws Exception {
    start(new RouteSettings(List.of("/health"), List.of(), 2));

    get("/health");
    get("/a");
    get("/b");
    get("/c");
    get("/");

    assertThat(countsOnce(4))
        .isEqualTo(String.join("\n", count("/a", 1), count("/b", 1), count("_OTHER", 2)));
    assertThat(Exposition.lines(registry, "status_exporter_routes_folded_total"))
        .isEqualTo("status_exporter_routes_folded_total 2.0");
  }
}
