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
  void numbersReadAsDoublesThoseTooLargeAsInfinityAndMinusZeroAsZero() throws SourceException {
    Record reading = parse("{\"big\": 1e400, \"zero\": -0, \"long\": 12345678901234567890}");

    assertThat(get(reading, "big")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(get(reading, "zero")).isEqualTo(0.0);
    assertThat(get(reading, "long")).isEqualTo(1.2345678901234567e19);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\": 01}",
        "{\"a\": 1.}",
        "{a: 1}",
        "{\"a\": 'x'}",
        "{\"a\": /* comment */ 1}",
        "{\"a\": \"tab\there\"}",
        "{\"a\": 1,}",
        "{\"a\": Infinity}"
      })
  void whatStrictJsonForbidsIsInvalid(String body) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("the body is not valid JSON: ")
        .hasMessageNotContaining("\n")
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(FailureReason.INVALID_JSON);
  }

  @Test
  void aBodyThatIsNotUtf8IsInvalidNotGuessed() {
    byte[] latin1 = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> JsonReadings.parse(latin1))
        .isInstanceOf(SourceException.class)
        .hasMessage("the body is not UTF-8 text (JSON is UTF-8: RFC 8259)");
  }

  @Test
  void aUtf8ByteOrderMarkIsSkipped() throws SourceException {
    byte[] body = "\ufeff{\"a\": 1}".getBytes(StandardCharsets.UTF_8);

    assertThat(JsonReadings.parse(body).records().get(0).document()).containsEntry("a", 1.0);
  }

  @Test
  void longNumbersReadAsDoublesAndOverlongStringsAreInvalid() throws SourceException {
    // Gson 2.13 refused an integer whose long value wrapped to 0 (google/gson#3034).
    assertThat(get(parse("{\"a\": 184467440737095516160}"), "a")).isEqualTo(1.8446744073709552e20);
    assertThat(get(parse("{\"a\": " + "1".repeat(100) + "}"), "a"))
        .isEqualTo(Double.parseDouble("1".repeat(100)));
    String longString = "{\"a\": \"" + "x".repeat(JsonReadings.MAX_STRING_CHARS + 1) + "\"}";
    String longName = "{\"" + "x".repeat(JsonReadings.MAX_STRING_CHARS + 1) + "\": 1}";

    assertThatThrownBy(() -> parse(longString))
        .hasMessage("a string is longer than 65536 characters");
    assertThatThrownBy(() -> parse(longName)).hasMessage("a name is longer than 65536 characters");
  }

  @Test
  void whereTheBodyIsNotJsonTheMessageShowsItOnOneBoundedLine() {
    assertThatThrownBy(() -> parse("{\"a\": NaN}"))
        .hasMessage("the body is not valid JSON: malformed JSON at line 1 column 7: 'NaN}'");
    assertThatThrownBy(() -> parse("{\"a\": 1} {\"b\": 2}"))
        .hasMessage("the body holds more than one JSON value");
    assertThatThrownBy(() -> parse("  ")).hasMessage("the body is not a JSON object");
    // The document's own names make Gson's path: neither their length nor their control
    // characters reach the line.
    String name = "a\r\u001b[31m" + "n".repeat(60_000);
    assertThatThrownBy(() -> parse("{\"" + name + "\": tru}"))
        .satisfies(
            e -> {
              assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("\r", "\u001b");
              assertThat(e.getMessage()).startsWith("the body is not valid JSON: ");
            });
  }

  @Test
  void deepNestingIsRejectedBeforeItExhaustsTheStack() {
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    assertThatThrownBy(() -> parse(deep))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("Nesting limit 64 reached");
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
