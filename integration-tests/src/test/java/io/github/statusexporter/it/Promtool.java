package io.github.statusexporter.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Prometheus' own linter, from the Debian package {@code prometheus} that .ci/run installs. */
final class Promtool {
  private Promtool() {}

  /**
   * What {@code promtool check metrics} says of the exposition: empty when it has no complaint.
   * Without promtool the test is skipped, saying so, except on CI where it must be there.
   */
  static String checkMetrics(String exposition) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(promtool().toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    return finish(process, false);
  }

  /**
   * What {@code promtool check config} says of a Prometheus configuration file: empty when it has
   * no complaint. (Unlike {@code check metrics} it reports success in words, left out here.)
   */
  static String checkConfig(Path file) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(promtool().toString(), "check", "config", file.toString())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    return finish(process, true);
  }

  /** What {@code promtool check rules} says of a rule file: empty when it has no complaint. */
  static String checkRules(Path file) throws IOException, InterruptedException {
    return run(file.getParent(), "check", "rules", file.getFileName().toString());
  }

  /**
   * What {@code promtool test rules} says of a rule test file, run in its directory as a user would
   * (its {@code rule_files} are relative to it): empty when every test passed.
   */
  static String testRules(Path file) throws IOException, InterruptedException {
    return run(file.getParent(), "test", "rules", file.getFileName().toString());
  }

  private static String run(Path directory, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(promtool().toString());
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    return finish(process, true);
  }

  private static Path promtool() {
    return Executables.require("promtool", "prometheus");
  }

  private static String finish(Process process, boolean quietOnSuccess)
      throws IOException, InterruptedException {
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("promtool did not finish");
    }
    if (process.exitValue() != 0) {
      return "exit " + process.exitValue() + ": " + output;
    }
    return quietOnSuccess ? "" : output;
  }
}
