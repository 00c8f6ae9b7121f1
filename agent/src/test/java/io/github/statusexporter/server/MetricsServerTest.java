package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.Executors;
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
            "1.2.3")) {
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
}
