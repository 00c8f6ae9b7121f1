package io.github.statusexporter.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.statusexporter.config.mappingfile.ConfigFile;
import io.github.statusexporter.source.FailureReason;
import io.github.statusexporter.source.JsonReadings;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.Record;
import io.github.statusexporter.source.SourceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cap on the series one reading may map to. */
class SeriesCapTest {
  @TempDir Path directory;
  private final List<String> skipped = new ArrayList<>();

  private Mapping mapping(String metrics) throws Exception {
    Path file = directory.resolve("status-exporter.yml");
    Files.writeString(
        file, "sources:\n  - url: http://localhost:8000/status\n    metrics:\n" + metrics);
    return Mapping.of(
        ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000).get(0).metrics());
  }

  private List<?> apply(Mapping mapping, Reading reading, int maxSeries) throws SourceException {
    return mapping.apply(reading, maxSeries, (metric, reason) -> skipped.add(metric));
  }

  private static Reading json(String json) throws SourceException {
    return JsonReadings.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** {"entries": [{"v": 1}, ... n times, then {"w": 1} ... m times]}. */
  private static Reading entries(int withValue, int withoutValue) throws SourceException {
    StringBuilder json = new StringBuilder("{\"entries\": [");
    for (int i = 0; i < withValue + withoutValue; i++) {
      json.append(i == 0 ? "" : ",").append(i < withValue ? "{\"v\": 1}" : "{\"w\": 1}");
    }
    return json(json.append("]}").toString());
  }

  @Test
  void aReadingUpToTheCapIsMappedWhole() throws Exception {
    Mapping mapping = mapping("      - {name: app_v, field: v, each: entries, key_label: i}\n");

    assertThat(apply(mapping, entries(5, 0), 5)).hasSize(1);
  }

  @Test
  void aReadingOverTheCapIsRefusedAsSoonAsItPassesIt() throws Exception {
    Mapping mapping = mapping("      - {name: app_v, field: v, each: entries, key_label: i}\n");

    assertThatThrownBy(() -> apply(mapping, entries(6, 1_000), 5))
        .isInstanceOf(SourceException.class)
        .hasMessage("it maps to more than 5 series, the source's max_series")
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(FailureReason.TOO_MANY_SERIES);
    assertThat(skipped).as("the entries after the sixth are never looked at").isEmpty();
  }

  @Test
  void theCapCountsTheSeriesOfAllMetricsTogether() throws Exception {
    Mapping mapping =
        mapping(
            "      - {name: app_v, field: v, each: entries, key_label: i}\n"
                + "      - {name: app_w, field: v, each: entries, key_label: i}\n");

    assertThat(apply(mapping, entries(3, 0), 6)).hasSize(2);
    assertThatThrownBy(() -> apply(mapping, entries(3, 0), 5))
        .hasMessage("it maps to more than 5 series, the source's max_series");
  }

  @Test
  void aStateSetHasOneSeriesPerState() throws Exception {
    Mapping mapping =
        mapping(
            "      - {name: app_state, type: stateset, field: s, states: [UP, DOWN, GONE],"
                + " each: entries, key_label: i}\n");
    Reading twoEntries = json("{\"entries\": [{\"s\": \"UP\"}, {\"s\": \"DOWN\"}]}");

    assertThat(apply(mapping, twoEntries, 6)).hasSize(1);
    assertThatThrownBy(() -> apply(mapping, twoEntries, 5))
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(FailureReason.TOO_MANY_SERIES);
  }

  @Test
  void eachMBeanOfAPatternCounts() throws Exception {
    Mapping mapping = mapping("      - {name: pool_active, field: active}\n");
    List<Record> pools = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pools.add(new Record(Map.of("name", "pool" + i), Map.of("active", 1.0)));
    }
    Reading reading = new Reading(pools, List.of());

    assertThat(apply(mapping, reading, 3)).hasSize(1);
    assertThatThrownBy(() -> apply(mapping, reading, 2))
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(FailureReason.TOO_MANY_SERIES);
  }
}
