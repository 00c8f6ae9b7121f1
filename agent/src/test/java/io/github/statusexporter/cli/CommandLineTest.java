package io.github.statusexporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CommandLine tool =
      new CommandLine(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void noArgumentsShowTheUsage() {
    assertThat(tool.run()).isEqualTo(CommandLine.OK);
    assertThat(out()).isEqualTo(CommandLine.USAGE_TEXT + "\n");
  }

  @Test
  void aWrongCommandLineSaysWhatIsWrongAndExitsWith2() {
    assertThat(tool.run("attach")).isEqualTo(CommandLine.USAGE);
    assertThat(tool.run("status", "1", "2")).isEqualTo(CommandLine.USAGE);
    assertThat(tool.run("detach", "1")).isEqualTo(CommandLine.USAGE);
    assertThat(err())
        .contains("status-exporter: attach needs a pid or a regex, then the options if any\n")
        .contains("status-exporter: status needs a pid or regex\n")
        .contains("status-exporter: unknown command 'detach'\n");
  }

  @Test
  void badOptionsAreRefusedBeforeAnyJvmIsLookedFor() {
    assertThat(tool.run("attach", "no-such-jvm-anywhere", "port=70000")).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "status-exporter: nothing attached: agent argument port: '70000' is not a port number"
                + " from 1 to 65535\n");
  }

  @Test
  void aNameThatMatchesNoJvmIsSaidToBeSo() {
    assertThat(tool.run("attach", "no-such-jvm-anywhere", "port=9100")).isEqualTo(1);
    assertThat(err())
        .isEqualTo(
            "status-exporter: no JVM's main class or jar matches 'no-such-jvm-anywhere'"
                + " (java -jar status-exporter.jar list)\n");
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
