package io.github.statusexporter.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.ExporterProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writers and their choice against client_java's {@code ExpositionFormats} by default. */
class ExpositionWritersTest {
  private static final List<String> ACCEPT_HEADERS =
      Arrays.asList(
          null,
          "",
          "*/*",
          "text/plain",
          "text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
          "application/openmetrics-text;version=1.0.0;charset=utf-8;q=0.5,text/plain;q=0.1",
          "application/openmetrics-text; version=0.0.1",
          "application/openmetrics-text;version=2.0.0",
          "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
              + "encoding=delimited;q=0.7,text/plain;version=0.0.4;q=0.3",
          "application/vnd.google.protobuf",
          "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily",
          "APPLICATION/OPENMETRICS-TEXT",
          "something/else");

  private final ExpositionFormats clientJavas =
      ExpositionFormats.init(ExporterProperties.builder().build());

  @Test
  void chooseAndWriteAsClientJavasDefaultFormats() throws IOException {
    // A counter with a created timestamp: the default text formats leave it out, protobuf has it.
    MetricSnapshots snapshots =
        MetricSnapshots.of(
            CounterSnapshot.builder()
                .name("requests")
                .help("Requests")
                .dataPoint(
                    CounterDataPointSnapshot.builder()
                        .labels(Labels.of("path", "/"))
                        .value(3)
                        .createdTimestampMillis(1_700_000_000_123L)
                        .build())
                .build());
    for (String accept : ACCEPT_HEADERS) {
      ExpositionFormatWriter ours = ExpositionWriters.defaults().find(accept);
      ExpositionFormatWriter theirs = clientJavas.findWriter(accept);
      assertThat(ours).as(accept).hasSameClassAs(theirs);
      assertThat(ExpositionWriters.defaults().isText(accept))
          .as(accept)
          .isEqualTo(theirs instanceof PrometheusTextFormatWriter);
      assertThat(write(ours, snapshots)).as(accept).isEqualTo(write(theirs, snapshots));
    }
    assertThat(write(ExpositionWriters.defaults().text(), snapshots))
        .isEqualTo(write(clientJavas.getPrometheusTextFormatWriter(), snapshots));
    assertThat(write(ExpositionWriters.defaults().openMetrics(), snapshots))
        .isEqualTo(write(clientJavas.getOpenMetricsTextFormatWriter(), snapshots));
    assertThat(write(ExpositionWriters.defaults().protobuf(), snapshots))
        .isEqualTo(write(clientJavas.getPrometheusProtobufWriter(), snapshots));
  }

  private static byte[] write(ExpositionFormatWriter writer, MetricSnapshots snapshots)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, snapshots, EscapingScheme.ALLOW_UTF8);
    return out.toByteArray();
  }
}
