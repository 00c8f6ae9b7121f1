package io.github.statusexporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReadingsTest {
  private static Reading parse(String json) throws SourceException {
    return JsonReadings.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheSeedsStatusDocument() throws SourceException {
    Reading reading =
        parse(
            "{\"current_requests\": 10, \"pending_requests\": 2,"
                + " \"total_uptime\": 25.99274135, \"health\": \"healthy\"}");

    assertThat(reading.values())
        .containsExactly(
            java.util.Map.entry("current_requests", 10.0),
            java.util.Map.entry("pending_requests", 2.0),
            java.util.Map.entry("total_uptime", 25.99274135),
            java.util.Map.entry("health", "healthy"));
  }

  @Test
  void nestedObjectsAndArraysBecomePaths() throws SourceException {
    Reading reading =
        parse(
            "{\"cluster\": {\"nodes\": [{\"heap_used\": 5}, {\"heap_used\": 7}], \"ok\": true},"
                + " \"gone\": null}");

    assertThat(reading.values())
        .containsOnlyKeys("cluster.nodes[0].heap_used", "cluster.nodes[1].heap_used", "cluster.ok");
    assertThat(reading.get("cluster.nodes[1].heap_used")).isEqualTo(7.0);
    assertThat(reading.get("cluster.ok")).isEqualTo(true);
    assertThat(reading.get("gone")).isNull();
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
}
