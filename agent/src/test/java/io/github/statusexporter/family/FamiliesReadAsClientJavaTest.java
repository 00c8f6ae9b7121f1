package io.github.statusexporter.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.MetricsProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each family against client_java's metric of the same name, help, unit and labels, fed the same:
 * the same text, the same OpenMetrics (created timestamps included, their values aside), and the
 * same metadata, label names and type, which the registry and the other formats read.
 */
class FamiliesReadAsClientJavaTest {
  /** As the agent built client_java's metrics: no exemplars. */
  private final PrometheusProperties properties =
      PrometheusProperties.builder()
          .defaultMetricsProperties(MetricsProperties.builder().exemplarsEnabled(false).build())
          .build();

  @Test
  void countersWithLabelsReadAsClientJavasCounter() throws IOException {
    long before = System.currentTimeMillis();
    CounterFamily ours =
        new CounterFamily("status_exporter_values_skipped", "Values left out", "source", "reason");
    Counter theirs =
        Counter.builder(properties)
            .name("status_exporter_values_skipped")
            .help("Values left out")
            .labelNames("source", "reason")
            .build();
    ours.labelValues("b", "missing");
    theirs.initLabelValues("b", "missing");
    ours.labelValues("a", "not a \"number\"\n").inc();
    theirs.labelValues("a", "not a \"number\"\n").inc();
    ours.labelValues("a", "x").inc(2.5);
    theirs.labelValues("a", "x").inc(2.5);
    ours.labelValues("a", "x").inc(3);
    theirs.labelValues("a", "x").inc(3);

    assertSameAs(ours, theirs);
    assertThat(ours.labelValues("a", "x").get()).isEqualTo(5.5);
    assertThat(ours.labelValues("a", "x").getLongValue()).isEqualTo(5);
    for (CounterSnapshot.CounterDataPointSnapshot point : ours.collect().getDataPoints()) {
      assertThat(point.getCreatedTimestampMillis()).isBetween(before, System.currentTimeMillis());
    }
    assertThatThrownBy(() -> ours.labelValues("a", "x").inc(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ours.labelValues("a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCounterWithoutLabelsReadsZeroBeforeItCountsAsClientJavasDoes() throws IOException {
    CounterFamily ours = new CounterFamily("reload_failures", "Failed loads");
    Counter theirs =
        Counter.builder(properties).name("reload_failures").help("Failed loads").build();

    assertSameAs(ours, theirs);
    ours.labelValues().inc();
    theirs.inc();
    assertSameAs(ours, theirs);
  }

  @Test
  void gaugesReadAsClientJavasGauge() throws IOException {
    GaugeFamily ours =
        new GaugeFamily("read_duration", Unit.SECONDS, "How long the last read took", "source");
    Gauge theirs =
        Gauge.builder(properties)
            .name("read_duration")
            .unit(Unit.SECONDS)
            .help("How long the last read took")
            .labelNames("source")
            .build();
    ours.labelValues("b").set(0.25);
    theirs.labelValues("b").set(0.25);
    ours.labelValues("a").set(-1e-9);
    theirs.labelValues("a").set(-1e-9);
    ours.labelValues("c");
    theirs.labelValues("c");
    assertSameAs(ours, theirs);

    GaugeFamily up = new GaugeFamily("last_reload_successful", "1 if it loaded");
    Gauge clientJavas =
        Gauge.builder(properties).name("last_reload_successful").help("1 if it loaded").build();
    assertSameAs(up, clientJavas);
    up.labelValues().set(Double.NaN);
    clientJavas.set(Double.NaN);
    assertSameAs(up, clientJavas);
  }

  @Test
  void seriesAreForgottenByTheirLabelValues() throws IOException {
    GaugeFamily ours = new GaugeFamily("up", "1 if it answered", "source", "other");
    Gauge theirs =
        Gauge.builder(properties)
            .name("up")
            .help("1 if it answered")
            .labelNames("source", "other")
            .build();
    for (String source : List.of("a", "b", "c")) {
      ours.labelValues(source, "x").set(1);
      theirs.labelValues(source, "x").set(1);
    }
    ours.removeIf(values -> values.get(0).equals("b"));
    theirs.removeIf(values -> values.get(0).equals("b"));

    assertSameAs(ours, theirs);
    assertThat(text(ours)).doesNotContain("source=\"b\"").contains("source=\"c\"");
  }

  @Test
  void infoReadsAsClientJavasInfo() throws IOException {
    InfoFamily ours = new InfoFamily("status_exporter_server", "The servers", "server", "version");
    Info theirs =
        Info.builder(properties)
            .name("status_exporter_server")
            .help("The servers")
            .labelNames("server", "version")
            .build();
    assertSameAs(ours, theirs);
    ours.add("tomcat", "10.1");
    theirs.addLabelValues("tomcat", "10.1");
    ours.add("jetty", "");
    theirs.addLabelValues("jetty", "");
    ours.add("tomcat", "10.1");
    theirs.addLabelValues("tomcat", "10.1");

    assertSameAs(ours, theirs);
    assertThat(text(ours))
        .contains("status_exporter_server_info{server=\"tomcat\",version=\"10.1\"} 1");
  }

  private static void assertSameAs(Collector ours, Collector theirs) throws IOException {
    assertThat(text(ours)).isEqualTo(text(theirs));
    assertThat(openMetrics(ours)).isEqualTo(openMetrics(theirs));
    assertThat(MetadataFields.of(ours.collect().getMetadata()))
        .isEqualTo(MetadataFields.of(theirs.collect().getMetadata()));
    assertThat(ours.getPrometheusName()).isEqualTo(theirs.getPrometheusName());
    assertThat(ours.getLabelNames()).isEqualTo(theirs.getLabelNames());
    assertThat(ours.getMetricType()).isEqualTo(theirs.getMetricType());
    assertThat(MetadataFields.of(ours.getMetadata()))
        .isEqualTo(MetadataFields.of(theirs.getMetadata()));
  }

  private static String text(Collector collector) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, scrape(collector), EscapingScheme.ALLOW_UTF8);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** With created timestamps, whose values depend on the moment each series was made. */
  private static String openMetrics(Collector collector) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenMetricsTextFormatWriter.builder()
        .setCreatedTimestampsEnabled(true)
        .build()
        .write(out, scrape(collector), EscapingScheme.ALLOW_UTF8);
    return out.toString(StandardCharsets.UTF_8).replaceAll("(?m)(_created(\\{.*})?) \\S+$", "$1 T");
  }

  private static MetricSnapshots scrape(Collector collector) {
    MetricSnapshot snapshot = collector.collect();
    return MetricSnapshots.of(snapshot);
  }
}
