package io.github.statusexporter.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.SourceException;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingTest {
  private final List<String> skipped = new ArrayList<>();

  private List<MetricSnapshot> applySeed(Map<String, Object> values) throws SourceException {
    return Mapping.seed()
        .apply(
            Reading.of(values),
            10_000,
            (metric, reason) -> skipped.add(metric + ":" + reason.label()));
  }

  private static Map<String, Object> seedReading() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("current_requests", 10.0);
    values.put("pending_requests", 2.0);
    values.put("total_uptime", 25.99274135);
    values.put("health", "healthy");
    return values;
  }

  @Test
  void missingFieldsAreSkippedAndReported() throws SourceException {
    Map<String, Object> values = seedReading();
    values.remove("pending_requests");

    List<MetricSnapshot> snapshots = applySeed(values);

    assertThat(snapshots)
        .extracting(s -> s.getMetadata().getName())
        .containsExactly("app_requests_current", "app_uptime", "app_health");
    assertThat(skipped).containsExactly("app_requests_pending:missing");
  }

  @Test
  void valuesOfTheWrongTypeAreSkippedAndReported() throws SourceException {
    Map<String, Object> values = seedReading();
    values.put("current_requests", "many");
    values.put("health", 1.0);

    assertThat(applySeed(values)).hasSize(2);
    assertThat(skipped).containsExactly("app_requests_current:wrong_type", "app_health:wrong_type");
  }

  @Test
  void unknownStatesAndNonFiniteNumbersAreSkippedAndReported() throws SourceException {
    Map<String, Object> values = seedReading();
    values.put("health", "degraded");
    values.put("total_uptime", Double.POSITIVE_INFINITY);

    assertThat(applySeed(values)).hasSize(2);
    assertThat(skipped).containsExactly("app_uptime:not_finite", "app_health:unknown_state");
  }

  @Test
  void numericStringsAndBooleansAreNumbers() throws SourceException {
    assertThat(Values.asNumber("42")).isEqualTo(42.0);
    assertThat(Values.asNumber(" 1.5e3 ")).isEqualTo(1500.0);
    assertThat(Values.asNumber(true)).isEqualTo(1.0);
    assertThat(Values.asNumber(false)).isEqualTo(0.0);
    assertThat(Values.asNumber("NaN")).isNull();
    assertThat(Values.asNumber("0x1p3")).isNull();
    assertThat(Values.asNumber("1d")).isNull();
    assertThat(Values.asNumber("healthy")).isNull();
  }
}
