package io.github.statusexporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldPathTest {
  private static final Map<String, Object> DOCUMENT =
      Map.of(
          "status", "UP",
          "cluster", Map.of("nodes", List.of(Map.of("heap_used", 5.0), List.of(1.0, 2.0))),
          "matrix", List.of(List.of(3.0, 4.0)),
          "heap_memory_usage", Map.of("used", 7.0),
          "bytesSent", 9.0);

  @ParameterizedTest
  @CsvSource({
    "status, UP",
    "cluster.nodes[0].heap_used, 5.0",
    "cluster.nodes[1][1], 2.0",
    "matrix[0][0], 3.0",
    // As JMX shows an MBean's attributes, found in the snake_case the document has them in.
    "HeapMemoryUsage.used, 7.0",
    "heapMemoryUsage.used, 7.0",
    "cluster.Nodes[0].heapUsed, 5.0",
    // As the document has it, first.
    "bytesSent, 9.0",
  })
  void pathsReachNestedValues(String path, String value) {
    assertThat(String.valueOf(FieldPath.parse(path).resolve(DOCUMENT))).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nope", "status.deeper", "cluster.nodes[5]", "cluster[0]", "matrix.x"})
  void pathsThatLeadNowhereGiveNull(String path) {
    assertThat(FieldPath.parse(path).resolve(DOCUMENT)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | the path is empty",
        "a..b | 'a..b' has an empty name at character 3",
        "a. | 'a.' has an empty name at character 3",
        ".a | '.a' has an empty name at character 1",
        "a[x] | 'a[x]' has a bad array index at character 2: use [0], [1], ...",
        "a[1 | 'a[1' has a bad array index at character 2: use [0], [1], ...",
        "a[1]b | 'a[1]b' needs a dot after the index at character 4",
      })
  void badPathsAreRejectedWithWhereTheProblemIs(String path, String message) {
    assertThatThrownBy(() -> FieldPath.parse(path)).hasMessage(message);
  }

  @Test
  void aPathIsNamedAsTheDocumentHasItAndAsWrittenPastWhatIsMissing() {
    Map<String, Object> document =
        Map.of("bytes_sent", 1.0, "nodes", List.of(Map.of("heapUsed", 2.0)));

    assertThat(FieldPath.parse("bytesSent").pathIn(document)).isEqualTo("bytes_sent");
    assertThat(FieldPath.parse("nodes[0].heapUsed").pathIn(document))
        .isEqualTo("nodes[0].heapUsed");
    assertThat(FieldPath.parse("nodes[3].heapUsed").pathIn(document))
        .isEqualTo("nodes[3].heapUsed");
    assertThat(FieldPath.parse("cacheHits.total").pathIn(document)).isEqualTo("cacheHits.total");
  }
}
