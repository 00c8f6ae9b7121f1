package io.github.statusexporter.it;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Prometheus' own linter, from the Debian package {@code prometheus} that .ci/run installs. */
final class Promtool {
  private Promtool() {}

  /**
   * What {@code promtool check metrics} says of the exposition: empty when it has no complaint.
   * Without promtool the test is skipped, saying so, except on CI where it must be there.
   */
  static String checkMetrics(String exposition) throws IOException, InterruptedException {
    Path promtool =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
            .map(dir -> Paths.get(dir, "promtool"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    if (promtool == null && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("promtool is missing on CI: .ci/run must install 'prometheus'");
    }
    assumeThat(promtool)
        .as("promtool not found: apt-get install prometheus to run this check")
        .isNotNull();
    Process process =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("promtool did not finish");
    }
    return process.exitValue() == 0 ? output : "exit " + process.exitValue() + ": " + output;
  }
}
