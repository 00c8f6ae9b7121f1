package io.github.statusexporter.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkHandlerTest {
  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "null, 0",
        "ms=250, 250",
        "a=1&ms=5, 5",
        "ms=0, 0",
        "ms=60000, 60000",
        "ms=60001, -1",
        "ms=-1, -1",
        "ms=abc, -1",
        "other=1, 0"
      })
  void theMillisecondsComeFromTheQuery(String query, int millis) {
    assertThat(WorkHandler.millis(query)).isEqualTo(millis);
  }
}
