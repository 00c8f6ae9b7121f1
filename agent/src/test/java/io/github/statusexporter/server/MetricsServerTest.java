package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> get(MetricsServer server, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesALandingPageHealthAndMetricsAndNothingElse() throws Exception {
    try (MetricsServer server =
        MetricsServer.start(
            Optional.of("127.0.0.1"),
            0,
            new PrometheusRegistry(),
            PrometheusProperties.builder().build(),
            Executors.newFixedThreadPool(1),
            "1.2.3",
            WebSecurity.none())) {
      HttpResponse<String> landing = get(server, "/");
      assertThat(landing.statusCode()).isEqualTo(200);
      assertThat(landing.body())
          .contains("status-exporter 1.2.3")
          .contains("href=\"metrics\"")
          .contains("href=\"-/healthy\"");
      assertThat(get(server, "/-/healthy").statusCode()).isEqualTo(200);
      assertThat(get(server, "/metrics").statusCode()).isEqualTo(200);
      assertThat(get(server, "/nope").statusCode()).isEqualTo(404);
      assertThat(get(server, "/metricsx/y").statusCode()).isEqualTo(404);
      assertThat(get(server, "/metrics/").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void scrapesBeyondTheLimitGetAFast503() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch inside = new CountDownLatch(MetricsServer.CONCURRENT_SCRAPES);
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(
        (io.prometheus.metrics.model.registry.MultiCollector)
            () -> {
              inside.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return io.prometheus.metrics.model.snapshots.MetricSnapshots.of();
            });
    try (MetricsServer server =
        MetricsServer.start(
            Optional.of("127.0.0.1"),
            0,
            registry,
            PrometheusProperties.builder().build(),
            Executors.newFixedThreadPool(MetricsServer.CONCURRENT_SCRAPES + 1),
            "1.2.3",
            WebSecurity.none())) {
      List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
      for (int i = 0; i < MetricsServer.CONCURRENT_SCRAPES; i++) {
        held.add(
            client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

      long start = System.nanoTime();
      HttpResponse<String> extra = get(server, "/metrics");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(extra.statusCode()).isEqualTo(503);
      assertThat(extra.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(millis).isLessThan(2_000);
      assertThat(get(server, "/-/healthy").statusCode()).isEqualTo(200);
      release.countDown();
      for (CompletableFuture<HttpResponse<String>> scrape : held) {
        assertThat(scrape.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
    }
  }
}
