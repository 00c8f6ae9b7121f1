package io.github.statusexporter.config.options;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.statusexporter.config.ConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the agent's options: the agent argument string, system properties and environment
 * variables. An input is a properties file, so that seeds are readable and values can hold any
 * character: {@code args} is the agent argument string, {@code env.NAME} an environment variable,
 * any other key a system property. Seeds: {@code ConfigParserFuzzTestInputs/}.
 */
class ConfigParserFuzzTest {
  @FuzzTest
  @Timeout(10)
  @DictionaryEntries({
    "args=",
    "env.STATUS_EXPORTER_",
    "statusexporter.",
    "port",
    "host",
    "source",
    "timeout",
    "config",
    "instrument",
    "histogram",
    "PORT",
    "HOST",
    "SOURCE",
    "TIMEOUT",
    "CONFIG",
    "SERVICE_HOST",
    "PORT_9877_TCP_ADDR",
    "tcp://",
    "http://",
    "https://",
    "mbean:",
    "ms",
    "\\u000a",
    "\\\"",
    ","
  })
  void anyOptionsAreParsedOrRejectedInOneLine(byte[] input) throws IOException {
    Properties settings = new Properties();
    try {
      settings.load(new StringReader(new String(input, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      return; // a malformed \\uXXXX escape: not an input the agent could ever see
    }
    String arguments = settings.getProperty("args");
    Properties systemProperties = new Properties();
    Map<String, String> environment = new HashMap<>();
    for (String name : settings.stringPropertyNames()) {
      if (name.startsWith("env.")) {
        environment.put(name.substring("env.".length()), settings.getProperty(name));
      } else if (!name.equals("args")) {
        systemProperties.setProperty(name, settings.getProperty(name));
      }
    }

    AgentConfig config;
    try {
      config = ConfigParser.parse(arguments, systemProperties, environment);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("\n", "\r");
      return;
    }
    assertThat(config.port()).isBetween(1, 65535);
    assertThat(config.timeout()).isBetween(Duration.ofMillis(1), Duration.ofSeconds(60));
    // Accepted values go into later log lines: "cannot listen on HOST", "loaded FILE",
    // "status source SOURCE cannot be read".
    assertThat(config.source().toString()).doesNotContain("\n", "\r");
    config.host().ifPresent(host -> assertThat(host).doesNotContain("\n", "\r"));
    config.configFile().ifPresent(file -> assertThat(file.toString()).doesNotContain("\n", "\r"));
  }
}
