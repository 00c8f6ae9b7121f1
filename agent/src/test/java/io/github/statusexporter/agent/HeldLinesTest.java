package io.github.statusexporter.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeldLinesTest {
  private final PrintStream standardError = System.err;
  private final ByteArrayOutputStream said = new ByteArrayOutputStream();

  @BeforeEach
  void captureStandardError() {
    System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStandardError() {
    System.setErr(standardError);
  }

  private String said() {
    return said.toString(StandardCharsets.UTF_8);
  }

  @Test
  void linesAreHeldUntilTheOptionsSayToMeasureThenSaidInOrderAndSoAreTheNext() {
    HeldLines lines = new HeldLines();
    lines.accept("first");
    lines.accept("second");
    assertThat(said()).isEmpty();

    lines.release(true);
    lines.accept("third");

    assertThat(said().lines())
        .containsExactly(
            "status-exporter: first", "status-exporter: second", "status-exporter: third");
  }

  @Test
  void notMeasuringTheyAreDroppedAndSoAreTheNext() {
    HeldLines lines = new HeldLines();
    lines.accept("a server left out");

    lines.release(false);
    lines.accept("another");

    assertThat(said()).isEmpty();
  }
}
