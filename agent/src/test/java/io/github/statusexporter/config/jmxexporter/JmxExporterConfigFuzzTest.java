package io.github.statusexporter.config.jmxexporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.statusexporter.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes jmx_exporter's configuration format: the fuzzed bytes are the file. It loads, or it is
 * rejected with a one-line message; nothing else escapes. Patterns are compiled, not matched: a
 * pattern that backtracks without end is the file author's, as with jmx_exporter. Seeds: {@code
 * JmxExporterConfigFuzzTestInputs/} (jmx_exporter's community tomcat.yml among them).
 */
class JmxExporterConfigFuzzTest {
  @TempDir static Path directory;

  @FuzzTest
  @Timeout(10)
  @DictionaryEntries({
    "rules:",
    "- pattern: ",
    "  name: ",
    "  value: ",
    "  valueFactor: ",
    "  labels:",
    "  help: ",
    "  type: COUNTER",
    "  type: GAUGE",
    "  attrNameSnakeCase: true",
    "  cache: true",
    "lowercaseOutputName: true",
    "lowercaseOutputLabelNames: true",
    "includeObjectNames: ",
    "excludeObjectNames: ",
    "whitelistObjectNames: ",
    "blacklistObjectNames: ",
    "excludeObjectNameAttributes:",
    "autoExcludeObjectNameAttributes: false",
    "startDelaySeconds: ",
    "hostPort: ",
    "jmxUrl: ",
    "httpServer:",
    "  authentication:",
    "  threads:",
    "  ssl:",
    "    basic:",
    "      username: ",
    "      algorithm: PBKDF2WithHmacSHA256",
    "      passwordHash: ",
    "      salt: ",
    "      iterations: ",
    "    keyStore:",
    "    certificate:",
    "      alias: ",
    "java.lang:type=Memory",
    "\"*:*\"",
    "$1",
    "${name}",
    "(?<name>\\w+)",
    "[^>]*",
    "---",
    "&a ",
    "*a"
  })
  void anyFileIsLoadedOrRejectedInOneLine(byte[] yaml) throws IOException {
    Path file = directory.resolve("config.yaml");
    Files.write(file, yaml);
    try {
      JmxExporterConfig config = JmxExporterConfig.load(file);
      for (String notice : config.notices()) {
        assertThat(notice).doesNotContain("\n", "\r");
      }
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("\n", "\r");
    }
    JmxExporterConfig.isOne(file);
    try {
      HttpServerSecurity.load(file);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("\n", "\r");
    }
  }
}
