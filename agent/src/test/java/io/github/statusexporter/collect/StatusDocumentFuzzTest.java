package io.github.statusexporter.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.mappingfile.ConfigFile;
import io.github.statusexporter.config.mappingfile.SourceDefinition;
import io.github.statusexporter.config.options.AgentConfig;
import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.page.StatusSourcesPage;
import io.github.statusexporter.source.FailureReason;
import io.github.statusexporter.source.HttpStatusSource;
import io.github.statusexporter.source.JsonReadings;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.SharedRead;
import io.github.statusexporter.source.SourceException;
import io.github.statusexporter.source.StatusSource;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes what a status body goes through on every scrape: the JSON reading, the seed's mapping and
 * the mapping files of the unit tests, the collector with its self-metrics, and client_java's text
 * and OpenMetrics writers, and the sources page of each reading. Seeds: {@code
 * StatusDocumentFuzzTestInputs/}.
 */
class StatusDocumentFuzzTest {
  /**
   * The mapping files of {@code MappingFileTest}: state sets, each, label fields, info, units, and
   * metrics derived from whatever fields the body has.
   */
  private static final List<String> MAPPING_FILES =
      List.of("spring-health", "queues", "cluster-health", "derived");

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * A comment, or a sample line: the sample's name, then its labels or its value. DOTALL: a label
   * value may hold a carriage return, which both formats leave as it is; only \n ends a line.
   */
  private static final Pattern LINE =
      Pattern.compile("# (?:HELP|TYPE|UNIT) (\\S+)(?: .*)?|# EOF|([^{ ]+)[{ ].*", Pattern.DOTALL);

  private static final List<String> SAMPLE_SUFFIXES =
      List.of("", "_total", "_created", "_info", "_bucket", "_count", "_sum");

  private static final Map<String, Mapping> MAPPINGS = new LinkedHashMap<>();

  @BeforeAll
  static void loadMappings() throws ConfigException, URISyntaxException {
    MAPPINGS.put("seed", Mapping.seed());
    Path directory = Paths.get(StatusDocumentFuzzTest.class.getResource("/mapping").toURI());
    for (String name : MAPPING_FILES) {
      List<SourceDefinition> sources =
          ConfigFile.load(directory.resolve(name + ".yml"), Map.of(), TIMEOUT, 10_000);
      MAPPINGS.put(name, Mapping.of(sources.get(0).metrics(), sources.get(0).derived()));
    }
  }

  @FuzzTest
  @Timeout(10)
  @DictionaryEntries({
    "current_requests",
    "pending_requests",
    "total_uptime",
    "health",
    "healthy",
    "unhealthy",
    "status",
    "components",
    "diskSpace",
    "details",
    "free",
    "db",
    "database",
    "UP",
    "DOWN",
    "OUT_OF_SERVICE",
    "served",
    "queues",
    "name",
    "depth",
    "cluster_name",
    "green",
    "number_of_nodes",
    "timed_out",
    "task_max_waiting_in_queue_millis",
    "active_shards_percent_as_number",
    "1e308",
    "-0",
    "\\u0000",
    "\\n"
  })
  void anyBodyIsMappedOrRejectedAsInvalidJson(byte[] body) throws Exception {
    if (body.length > HttpStatusSource.MAX_BODY_BYTES) {
      return; // never read further: too_large
    }
    // On its own first, so that an exception it should not throw shows with its own stack trace.
    try {
      JsonReadings.parse(body);
    } catch (SourceException e) {
      assertThat(e.reason()).isIn(FailureReason.INVALID_JSON, FailureReason.TOO_LARGE);
      assertThat(e.getMessage()).doesNotContain("\n", "\r");
    }

    List<String> log = new ArrayList<>();
    StatusCollector collector = collector(body, log);
    MetricSnapshots snapshots = collector.collect();
    assertSourcesPageIsBoundedAndWellFormed(collector);

    assertThat(log).allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r"));
    assertThat(internalErrors(snapshots)).isZero();
    List<MetricSnapshot> families = new ArrayList<>();
    snapshots.forEach(families::add);
    Set<String> sampleNames = sampleNames(families);
    assertEveryLineIsACommentOrASampleOf(
        sampleNames,
        write(
            PrometheusTextFormatWriter.create(),
            new MetricSnapshots(SeedTextFormat.stateSetsAsGauges(families))));
    assertEveryLineIsACommentOrASampleOf(
        sampleNames, write(OpenMetricsTextFormatWriter.create(), snapshots));
  }

  /** The sources page of the body: its caps hold, its JSON parses, its HTML runs nothing. */
  private static void assertSourcesPageIsBoundedAndWellFormed(StatusCollector collector)
      throws IOException {
    for (SourceReport source : collector.report()) {
      int fields = 0;
      for (RecordReport record : source.records()) {
        fields += record.fields().size();
        for (FieldReport field : record.fields()) {
          assertThat(field.path().length()).isLessThanOrEqualTo(FieldReport.MAX_CHARS + 1);
          if (field.value() != null) {
            assertThat(field.value().length()).isLessThanOrEqualTo(FieldReport.MAX_CHARS + 1);
          }
        }
      }
      assertThat(fields).isLessThanOrEqualTo(SourceReports.MAX_FIELDS);
    }
    StatusSourcesPage page = new StatusSourcesPage(collector, "fuzz");
    try (JsonReader reader =
        new JsonReader(new StringReader(new String(page.json(), StandardCharsets.UTF_8)))) {
      reader.setStrictness(Strictness.STRICT);
      reader.skipValue(); // all of it: the page's JSON is well formed whatever the body held
      assertThat(reader.peek()).isEqualTo(JsonToken.END_DOCUMENT);
    }
    assertThat(new String(page.html(), StandardCharsets.UTF_8))
        .doesNotContainIgnoringCase("<script");
  }

  /** A collector as the agent builds it, with every mapping reading the same body. */
  private static StatusCollector collector(byte[] body, List<String> log) {
    StatusSource source =
        new StatusSource() {
          @Override
          public Reading read() throws SourceException {
            return JsonReadings.parse(body);
          }

          @Override
          public String describe() {
            return "fuzzed body";
          }
        };
    List<SourceBinding> bindings = new ArrayList<>();
    MAPPINGS.forEach((name, mapping) -> bindings.add(binding(name, source, mapping)));
    return new StatusCollector(bindings, log::add);
  }

  private static SourceBinding binding(String name, StatusSource source, Mapping mapping) {
    // Read on the calling thread: a fuzz input must not outlive its execution.
    return new SourceBinding(
        name,
        new SharedRead(source, TIMEOUT, Runnable::run),
        mapping,
        AgentConfig.DEFAULT_MAX_SERIES);
  }

  /** Reads that failed with a runtime exception, which the collector hides from the scrape. */
  private static double internalErrors(MetricSnapshots snapshots) {
    double errors = 0;
    for (MetricSnapshot snapshot : snapshots) {
      if (snapshot.getMetadata().getName().equals("status_exporter_source_read_errors")) {
        for (CounterDataPointSnapshot point : ((CounterSnapshot) snapshot).getDataPoints()) {
          if (point.getLabels().get("reason").equals(FailureReason.INTERNAL_ERROR.label())) {
            errors += point.getValue();
          }
        }
      }
    }
    return errors;
  }

  private static Set<String> sampleNames(List<MetricSnapshot> families) {
    Set<String> names = new HashSet<>();
    for (MetricSnapshot family : families) {
      for (String suffix : SAMPLE_SUFFIXES) {
        names.add(family.getMetadata().getPrometheusName() + suffix);
      }
    }
    return names;
  }

  private static String write(ExpositionFormatWriter writer, MetricSnapshots snapshots)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, snapshots, EscapingScheme.DEFAULT);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A line break in a value would start a line that is neither; so would a stray name. */
  private static void assertEveryLineIsACommentOrASampleOf(Set<String> names, String exposition) {
    assertThat(exposition).endsWith("\n");
    for (String line : exposition.substring(0, exposition.length() - 1).split("\n", -1)) {
      Matcher matcher = LINE.matcher(line);
      assertThat(matcher.matches()).as("a comment or a sample: %s", line).isTrue();
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      if (name != null) {
        assertThat(names).as("the families written").contains(name);
      }
    }
  }
}
