package io.github.statusexporter.config.mappingfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.source.FailureReason;
import io.github.statusexporter.source.JsonReadings;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.SourceException;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the mapping file: the fuzzed bytes are the file. It loads, and the mappings and writers
 * accept what it defines, or it is rejected with a one-line message. Seeds: {@code
 * ConfigFileFuzzTestInputs/}.
 */
class ConfigFileFuzzTest {
  /**
   * The variables of the examples in docs/examples, and one as a secret read from a file often is:
   * with a line break at the end.
   */
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "ACTUATOR_TOKEN", "s3cret",
          "ES_BASIC_AUTH", "ZWxhc3RpYzpzM2NyZXQ=",
          "TOKEN_FROM_FILE", "s3cret\n");

  private static final String SEED_STATUS =
      "{\"current_requests\": 10, \"pending_requests\": 2, \"total_uptime\": 25.9,"
          + " \"health\": \"healthy\"}";

  /** The documents of the mapping files of the unit tests, for mappings derived from them. */
  private static final List<String> DOCUMENTS =
      List.of("spring-health", "queues", "cluster-health");

  private static final List<Reading> READINGS = new ArrayList<>();

  @TempDir static Path directory;

  @BeforeAll
  static void readDocuments() throws Exception {
    READINGS.add(JsonReadings.parse(SEED_STATUS.getBytes(StandardCharsets.UTF_8)));
    Path mappings = Paths.get(ConfigFileFuzzTest.class.getResource("/mapping").toURI());
    for (String name : DOCUMENTS) {
      READINGS.add(JsonReadings.parse(Files.readAllBytes(mappings.resolve(name + ".json"))));
    }
  }

  @FuzzTest
  @Timeout(10)
  @DictionaryEntries({
    "sources:",
    "  - ",
    "name: ",
    "url: http://localhost:8000/status",
    "url: https://",
    "mbean: ",
    "timeout: ",
    "max_series: ",
    "headers: ",
    "ca_file: ",
    "valid_status_codes: ",
    "key_properties: ",
    "destinationName",
    ",*",
    "metrics:",
    "type: ",
    "gauge",
    "counter",
    "stateset",
    "info",
    "help: ",
    "unit: ",
    "field: ",
    "each: ",
    "key_label: ",
    "labels: ",
    "label_fields: ",
    "values: ",
    "scale: ",
    "states: ",
    "fields: \"*\"",
    "fields: ",
    "prefix: ",
    "exclude: ",
    "counters: ",
    "info: ",
    "\"*Count\"",
    "_current",
    "_total",
    "_info",
    "_created",
    "_seconds",
    "${ACTUATOR_TOKEN}",
    "${TOKEN_FROM_FILE}",
    "&a ",
    "*a",
    "!!binary ",
    "[0]",
    "[[[[[[[[[[[[[[[[",
    "]]]]]]]]]]]]]]]]",
    "{a: {a: {a: {a: ",
    "\"\\n\""
  })
  void anyFileIsLoadedOrRejectedInOneLine(byte[] yaml) throws IOException {
    Path file = directory.resolve("status-exporter.yml");
    Files.write(file, yaml);

    List<SourceDefinition> sources;
    try {
      sources = ConfigFile.load(file, ENVIRONMENT, Duration.ofSeconds(2), 10_000);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("\n", "\r");
      return;
    }

    for (Reading reading : READINGS) {
      List<MetricSnapshot> families = new ArrayList<>();
      for (SourceDefinition source : sources) {
        try {
          families.addAll(
              Mapping.of(source.metrics(), source.derived())
                  .apply(reading, source.maxSeries(), (metric, reason) -> {}));
        } catch (SourceException e) {
          // A file may cap a source below what a reading maps to; nothing else may fail.
          assertThat(e.reason()).isEqualTo(FailureReason.TOO_MANY_SERIES);
        }
      }
      // Metric names of all sources do not clash: MetricSnapshots would refuse them.
      MetricSnapshots snapshots = new MetricSnapshots(families);
      PrometheusTextFormatWriter.create()
          .write(new ByteArrayOutputStream(), snapshots, EscapingScheme.DEFAULT);
      OpenMetricsTextFormatWriter.create()
          .write(new ByteArrayOutputStream(), snapshots, EscapingScheme.DEFAULT);
    }
  }
}
