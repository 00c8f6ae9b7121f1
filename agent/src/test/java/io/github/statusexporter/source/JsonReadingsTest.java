package io.github.statusexporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReadingsTest {
  private static Record parse(String json) throws SourceException {
    Reading reading = JsonReadings.parse(json.getBytes(StandardCharsets.UTF_8));
    assertThat(reading.records()).hasSize(1);
    return reading.records().get(0);
  }

  private static Object get(Record record, String path) {
    return record.get(FieldPath.parse(path));
  }

  @Test
  void readsTheSeedsStatusDocument() throws SourceException {
    Record reading =
        parse(
            "{\"current_requests\": 10, \"pending_requests\": 2,"
                + " \"total_uptime\": 25.99274135, \"health\": \"healthy\"}");

    assertThat(reading.labels()).isEmpty();
    assertThat(reading.document())
        .containsExactly(
            java.util.Map.entry("current_requests", 10.0),
            java.util.Map.entry("pending_requests", 2.0),
            java.util.Map.entry("total_uptime", 25.99274135),
            java.util.Map.entry("health", "healthy"));
  }

  @Test
  void nestedObjectsAndArraysAreReachedByPaths() throws SourceException {
    Record reading =
        parse(
            "{\"cluster\": {\"nodes\": [{\"heap_used\": 5}, {\"heap_used\": 7}], \"ok\": true},"
                + " \"gone\": null}");

    assertThat(get(reading, "cluster.nodes[0].heap_used")).isEqualTo(5.0);
    assertThat(get(reading, "cluster.nodes[1].heap_used")).isEqualTo(7.0);
    assertThat(get(reading, "cluster.ok")).isEqualTo(true);
    assertThat(get(reading, "cluster.nodes[2].heap_used")).isNull();
    assertThat(get(reading, "cluster.nodes.heap_used")).isNull();
    assertThat(get(reading, "gone")).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "[1, 2]", "42", "{\"a\": ", "{\"a\": 1} {\"b\": 2}", "{\"a\": NaN}", "<html>"})
  void anythingButOneJsonObjectIsInvalid(String body) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(SourceException.class)
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(FailureReason.INVALID_JSON);
  }

  @Test
  void deepNestingIsRejectedBeforeItExhaustsTheStack() {
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    assertThatThrownBy(() -> parse(deep))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void aDocumentOfMoreValuesThanTheCapIsTooLarge() throws SourceException {
    // The object counts as a value, and so do the array and each of its numbers.
    String atTheCap = "{\"a\": [" + "0,".repeat(JsonReadings.MAX_VALUES - 3) + "0]}";
    String overTheCap = "{\"a\": [" + "0,".repeat(JsonReadings.MAX_VALUES - 2) + "0]}";

    assertThat((java.util.List<?>) get(parse(atTheCap), "a")).hasSize(JsonReadings.MAX_VALUES - 2);
    assertThatThrownBy(() -> parse(overTheCap))
        .isInstanceOf(SourceException.class)
        .hasMessage("the body holds more than 100000 JSON values")
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(FailureReason.TOO_LARGE);
  }
}
