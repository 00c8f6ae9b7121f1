package io.github.statusexporter.it;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Command-line tools the tests run, as a user would: openssl, curl, htpasswd. */
final class Tools {
  private Tools() {}

  /** What a finished command left: its exit code and its output. */
  static final class Result {
    final int exit;
    final String stdout;
    final String stderr;

    Result(int exit, String stdout, String stderr) {
      this.exit = exit;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    @Override
    public String toString() {
      return "exit " + exit + ", stdout: " + stdout + ", stderr: " + stderr;
    }
  }

  /** The tool on the PATH, or null. */
  static Path find(String name) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
        .map(dir -> Paths.get(dir, name))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }

  /**
   * The tool on the PATH. Without it the test is skipped, saying so, except on CI, where .ci/run
   * installs it.
   */
  static Path require(String name, String debianPackage) {
    Path tool = find(name);
    if (tool == null && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(name + " is missing on CI: .ci/run must install " + debianPackage);
    }
    assumeThat(tool)
        .as(name + " not found: apt-get install " + debianPackage + " to run this test")
        .isNotNull();
    return tool;
  }

  static Result run(Path directory, Path tool, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(tool.toString());
    command.addAll(List.of(arguments));
    Path out = Files.createTempFile(directory, "out", ".txt");
    Path err = Files.createTempFile(directory, "err", ".txt");
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 60 s");
    }
    Result result =
        new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  /** Runs the tool and fails the test, with its output, if it fails. */
  static String check(Path directory, Path tool, String... arguments)
      throws IOException, InterruptedException {
    Result result = run(directory, tool, arguments);
    if (result.exit != 0) {
      throw new AssertionError(tool.getFileName() + " " + List.of(arguments) + ": " + result);
    }
    return result.stdout;
  }
}
