package io.github.statusexporter.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.options.HistogramBuckets;
import io.github.statusexporter.family.MetadataFields;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The agent's own classic histogram writes what client_java's {@code Histogram}, built as the agent
 * built it before, writes for the same requests, in the text format and in OpenMetrics.
 */
class ClassicDurationsTest {
  private static final String[] LABELS = {
    "http_request_method", "http_response_status_code", "http_route", "url_scheme"
  };

  /** Durations on, below, above and between the bounds; infinite and not a number. */
  private static final double[] SECONDS = {
    0, 0.005, 0.0051, 0.3, 0.3, 10, 11, 1e-9, Double.POSITIVE_INFINITY, Double.NaN, -1
  };

  private final PrometheusProperties properties = PrometheusProperties.builder().build();

  @Test
  void writesWhatClientJavasClassicHistogramWritesForTheSameRequests() throws IOException {
    PrometheusRegistry agent = new PrometheusRegistry();
    RequestMetrics metrics = new RequestMetrics(HistogramBuckets.CLASSIC);
    metrics.register(agent);
    PrometheusRegistry reference = new PrometheusRegistry();
    Histogram histogram =
        Histogram.builder(properties)
            .name("http_server_request_duration")
            .unit(Unit.SECONDS)
            .help("Duration of HTTP server requests")
            .labelNames(LABELS)
            .classicUpperBounds(RequestMetrics.BUCKETS)
            .classicOnly()
            .withoutExemplars()
            .build();
    reference.register(histogram);

    for (int i = 0; i < SECONDS.length; i++) {
      String status = i % 3 == 0 ? "200" : i % 3 == 1 ? "" : "503";
      String route = i % 2 == 0 ? "/hello/{name}" : "/";
      metrics.durations("GET", status, route, "http").observe(SECONDS[i]);
      histogram.labelValues("GET", status, route, "http").observe(SECONDS[i]);
    }

    String text = family(text(agent), "http_server_request_duration");
    assertThat(text).contains("# TYPE http_server_request_duration_seconds histogram");
    assertThat(text).isEqualTo(text(reference));
    assertThat(family(openMetrics(agent), "http_server_request_duration"))
        .isEqualTo(family(openMetrics(reference), "http_server_request_duration"));
    // What the other formats (OpenMetrics 2, protobuf) and the registry's checks read too.
    MetricSnapshot ours = only(agent.scrape(), "http_server_request_duration_seconds");
    MetricSnapshot theirs = reference.scrape().get(0);
    assertThat(MetadataFields.of(ours.getMetadata()))
        .isEqualTo(MetadataFields.of(theirs.getMetadata()));
    assertThat(metrics.durationsCollector().getLabelNames()).isEqualTo(histogram.getLabelNames());
    assertThat(metrics.durationsCollector().getMetricType()).isEqualTo(histogram.getMetricType());
  }

  private static MetricSnapshot only(MetricSnapshots snapshots, String name) {
    for (MetricSnapshot snapshot : snapshots) {
      if (snapshot.getMetadata().getPrometheusName().equals(name)) {
        return snapshot;
      }
    }
    throw new AssertionError("no " + name);
  }

  @Test
  void countsEachBucketOnceAndTheCountIsTheirTotal() {
    RequestMetrics metrics = new RequestMetrics(HistogramBuckets.CLASSIC);
    var series = metrics.durations("POST", "201", "/items", "https");
    series.observe(0.01);
    series.observe(0.011);
    series.observe(100);

    assertThat(series.getCount()).isEqualTo(3);
    assertThat(series.getSum()).isEqualTo(100.021, org.assertj.core.data.Offset.offset(1e-9));
  }

  private static String text(PrometheusRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String openMetrics(PrometheusRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenMetricsTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The lines of one family (and OpenMetrics' end marker left out). */
  private static String family(String exposition, String name) {
    StringBuilder lines = new StringBuilder();
    for (String line : exposition.split("\n")) {
      if (line.contains(name)) {
        lines.append(line).append('\n');
      }
    }
    return lines.toString();
  }
}
