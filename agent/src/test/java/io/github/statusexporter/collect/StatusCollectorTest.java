package io.github.statusexporter.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.server.MetricsServer;
import io.github.statusexporter.server.WebSecurity;
import io.github.statusexporter.source.AcceptedStatuses;
import io.github.statusexporter.source.HttpStatusSource;
import io.github.statusexporter.source.LocalStatusServer;
import io.github.statusexporter.source.SharedRead;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The collector behind a real metrics server, read as Prometheus would read it. */
class StatusCollectorTest {
  private static final String SEED_STATUS =
      "{\"current_requests\": 4, \"pending_requests\": 0, \"total_uptime\": 104.914734,"
          + " \"health\": \"healthy\"}";

  private final HttpClient client = HttpClient.newHttpClient();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final ExecutorService reader = Executors.newSingleThreadExecutor();
  private LocalStatusServer status;
  private MetricsServer server;
  private StatusCollector collector;

  @BeforeEach
  void start() throws IOException {
    status = new LocalStatusServer();
    serve(10_000);
  }

  /** The metrics server, its one source capped at {@code maxSeries}. */
  private void serve(int maxSeries) throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    SharedRead read =
        new SharedRead(
            new HttpStatusSource(
                status.uri(),
                Duration.ofSeconds(1),
                "test",
                java.util.Map.of(),
                null,
                AcceptedStatuses.DEFAULT),
            Duration.ofSeconds(1),
            reader);
    collector =
        new StatusCollector(
            List.of(new SourceBinding("default", read, Mapping.seed(), maxSeries)), log::add);
    registry.register(collector);
    server =
        MetricsServer.start(
            Optional.of("127.0.0.1"), 0, registry, "test", WebSecurity.none(), log::add);
  }

  @AfterEach
  void stop() {
    server.close();
    status.close();
    reader.shutdownNow();
  }

  private String scrape(String query, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + query));
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static final String APP_FAMILIES =
      "/metrics?name[]=app_requests_current&name[]=app_requests_pending&name[]=app_uptime"
          + "&name[]=app_health";

  @Test
  void theTextFormatIsTheSeedsOutput() throws Exception {
    status.answer(200, SEED_STATUS);

    // The seed's families, as client_java orders them: by name.
    assertThat(scrape(APP_FAMILIES, null))
        .isEqualTo(
            """
            # HELP app_health Health
            # TYPE app_health gauge
            app_health{app_health="healthy"} 1.0
            app_health{app_health="unhealthy"} 0.0
            # HELP app_requests_current Current requests
            # TYPE app_requests_current gauge
            app_requests_current 4.0
            # HELP app_requests_pending Pending requests
            # TYPE app_requests_pending gauge
            app_requests_pending 0.0
            # HELP app_uptime Uptime
            # TYPE app_uptime gauge
            app_uptime 104.914734
            """);
  }

  @Test
  void openMetricsKeepsTheStateSetType() throws Exception {
    status.answer(200, SEED_STATUS.replace("\"healthy\"", "\"unhealthy\""));

    assertThat(scrape("/metrics?name[]=app_health", "application/openmetrics-text; version=1.0.0"))
        .isEqualTo(
            """
            # TYPE app_health stateset
            # HELP app_health Health
            app_health{app_health="healthy"} 0
            app_health{app_health="unhealthy"} 1
            # EOF
            """);
  }

  @Test
  void anUnreadableSourceLeavesOutTheAppMetricsAndSaysWhy() throws Exception {
    status.answer(404, "");

    String metrics = scrape("/metrics", null);

    assertThat(metrics).doesNotContain("app_");
    assertThat(metrics)
        .contains("status_exporter_source_up{source=\"default\"} 0.0\n")
        .contains(
            "status_exporter_source_read_errors_total{reason=\"http_status\",source=\"default\"}"
                + " 1.0\n")
        .contains(
            "status_exporter_source_read_errors_total{reason=\"timeout\",source=\"default\"}"
                + " 0.0\n")
        .contains("# TYPE status_exporter_source_read_duration_seconds gauge\n");
    assertThat(log)
        .containsExactly(
            "status source "
                + status.uri()
                + " cannot be read: answered HTTP 404 instead of 200;"
                + " app metrics are left out until it answers");
  }

  @Test
  void aSourceThatComesBackIsLoggedOnceAndItsMetricsReturn() throws Exception {
    status.answer(200, "not json");
    scrape("/metrics", null);
    scrape("/metrics", null);
    status.answer(200, SEED_STATUS);

    String metrics = scrape("/metrics", null);

    assertThat(metrics)
        .contains("app_uptime 104.914734\n")
        .contains("status_exporter_source_up{source=\"default\"} 1.0\n")
        .contains(
            "status_exporter_source_read_errors_total{reason=\"invalid_json\",source=\"default\"}"
                + " 2.0\n");
    assertThat(log).hasSize(2);
    assertThat(log.get(1)).isEqualTo("status source " + status.uri() + " is back up");
  }

  @Test
  void unusableFieldsAreCountedByMetricAndReason() throws Exception {
    status.answer(200, "{\"current_requests\": \"lots\", \"health\": \"sleepy\"}");

    assertThat(scrape("/metrics?name[]=status_exporter_values_skipped_total", null))
        .isEqualTo(
            """
            # HELP status_exporter_values_skipped_total Mapped metrics left out of a scrape \
            because their field was unusable
            # TYPE status_exporter_values_skipped_total counter
            status_exporter_values_skipped_total{metric="app_health",reason="unknown_state",\
            source="default"} 1.0
            status_exporter_values_skipped_total{metric="app_requests_current",\
            reason="wrong_type",source="default"} 1.0
            status_exporter_values_skipped_total{metric="app_requests_pending",reason="missing",\
            source="default"} 1.0
            status_exporter_values_skipped_total{metric="app_uptime",reason="missing",\
            source="default"} 1.0
            """);
  }

  /**
   * Collections side by side, as by scrapes of other formats (the server shares one rendering among
   * scrapes of the same format).
   */
  @Test
  void concurrentCollectionsShareOneReadAndOneMapping() throws Exception {
    status.answer(200, "{\"current_requests\": \"lots\", \"health\": \"healthy\"}").delay(500);

    List<Future<MetricSnapshots>> collections = new ArrayList<>();
    ExecutorService scrapers = Executors.newFixedThreadPool(8);
    try {
      for (int i = 0; i < 8; i++) {
        collections.add(scrapers.submit(() -> collector.collect()));
      }
      for (Future<MetricSnapshots> collection : collections) {
        assertThat(collection.get().stream().map(s -> s.getMetadata().getName()))
            .contains("app_health");
      }
    } finally {
      scrapers.shutdownNow();
    }

    assertThat(status.requests()).isEqualTo(1);
    // One more scrape, one more read: two reads in all, so two skips, not nine.
    assertThat(scrape("/metrics?name[]=status_exporter_values_skipped_total", null))
        .contains(
            "status_exporter_values_skipped_total{metric=\"app_requests_current\","
                + "reason=\"wrong_type\",source=\"default\"} 2.0\n");
    assertThat(status.requests()).isEqualTo(2);
  }

  @Test
  void aReadingOverTheCapLeavesOutTheSourceSaysWhyOnceAndComesBackUnderIt() throws Exception {
    server.close();
    serve(4); // the seed's mapping makes five series: three gauges, a state set of two states
    status.answer(200, SEED_STATUS);

    String metrics = scrape("/metrics", null);
    scrape("/metrics", null);

    assertThat(metrics).doesNotContain("app_");
    assertThat(metrics)
        .contains("status_exporter_source_up{source=\"default\"} 0.0\n")
        .contains(
            "status_exporter_source_read_errors_total{reason=\"too_many_series\","
                + "source=\"default\"} 1.0\n");
    assertThat(log)
        .containsExactly(
            "status source "
                + status.uri()
                + " cannot be read: it maps to more than 4 series, the source's max_series;"
                + " app metrics are left out until it answers");

    status.answer(200, "{\"current_requests\": 4}");
    assertThat(scrape("/metrics", null))
        .contains("app_requests_current 4.0\n")
        .contains("status_exporter_source_up{source=\"default\"} 1.0\n");
  }
}
