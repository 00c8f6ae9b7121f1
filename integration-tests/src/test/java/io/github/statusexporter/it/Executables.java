package io.github.statusexporter.it;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/** Tools the tests run from the PATH, such as those of the Debian package {@code prometheus}. */
final class Executables {
  private Executables() {}

  /**
   * The tool {@code name} on the PATH. Without it the calling test is skipped, saying how to
   * install it, except on CI (CI=true), where .ci/run must have installed it and the test fails.
   */
  static Path require(String name, String debianPackage) {
    Path found = find(name, debianPackage);
    assumeThat(found)
        .as(name + " not found: apt-get install " + debianPackage + " to run this test")
        .isNotNull();
    return found;
  }

  /**
   * Whether {@code name} is on the PATH, for a condition that skips a whole test class before it
   * starts anything; on CI (CI=true) a missing tool is an error instead.
   */
  static boolean isInstalled(String name, String debianPackage) {
    return find(name, debianPackage) != null;
  }

  private static Path find(String name, String debianPackage) {
    Path found =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
            .map(dir -> Paths.get(dir, name))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    if (found == null && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          name + " is missing on CI: .ci/run must install '" + debianPackage + "'");
    }
    return found;
  }
}
