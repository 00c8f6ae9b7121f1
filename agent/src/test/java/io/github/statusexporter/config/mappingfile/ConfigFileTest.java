package io.github.statusexporter.config.mappingfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.source.AcceptedStatuses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFileTest {
  @TempDir Path directory;

  private Path write(String yaml) throws IOException {
    Path file = directory.resolve("status-exporter.yml");
    Files.writeString(file, yaml);
    return file;
  }

  private List<SourceDefinition> load(String yaml) throws Exception {
    return ConfigFile.load(
        write(yaml), Map.of("APP_TOKEN", "s3cret"), Duration.ofSeconds(2), 10_000);
  }

  @Test
  void aCompleteFileLoadsIntoDefinitions() throws Exception {
    List<SourceDefinition> sources =
        load(
            """
            sources:
              - name: health
                url: http://localhost:8080/actuator/health
                timeout: 500ms
                max_series: 500
                valid_status_codes: [200, 503]
                headers:
                  Authorization: Bearer ${APP_TOKEN}
                metrics:
                  - name: app_up
                    field: status
                    values: {UP: 1, DOWN: 0}
                    help: Whether the application says it is up
                  - name: app_component_status
                    type: stateset
                    each: components
                    key_label: component
                    field: status
                    states: [UP, DOWN]
                  - name: app_disk_free_bytes
                    field: components.diskSpace.details.free
                    unit: bytes
                    labels: {disk: root}
                  - name: app_requests_total
                    type: counter
                    field: requests
                  - name: app_build_info
                    type: info
                    label_fields: {version: build.version}
              - name: pool
                mbean: com.example:type=Pool,*
                metrics:
                  - name: pool_active_seconds
                    field: active_millis
                    scale: 0.001
            """);

    assertThat(sources).extracting(SourceDefinition::name).containsExactly("health", "pool");
    SourceDefinition health = sources.get(0);
    assertThat(health.timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(health.maxSeries()).isEqualTo(500);
    assertThat(((HttpSource) health.address()).accepted())
        .isEqualTo(AcceptedStatuses.of(java.util.Set.of(200, 503)));
    assertThat(((HttpSource) health.address()).headers())
        .containsExactly(Map.entry("Authorization", "Bearer s3cret"));
    assertThat(health.metrics())
        .extracting(MetricDefinition::name, MetricDefinition::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("app_up", MetricType.GAUGE),
            org.assertj.core.groups.Tuple.tuple("app_component_status", MetricType.STATESET),
            org.assertj.core.groups.Tuple.tuple("app_disk_free_bytes", MetricType.GAUGE),
            org.assertj.core.groups.Tuple.tuple("app_requests", MetricType.COUNTER),
            org.assertj.core.groups.Tuple.tuple("app_build", MetricType.INFO));
    assertThat(health.metrics().get(0).values()).containsEntry("UP", 1.0);
    assertThat(health.metrics().get(2).help())
        .isEqualTo("Status field components.diskSpace.details.free");
    SourceDefinition pool = sources.get(1);
    assertThat(((MBeanSource) pool.address()).objectName().isPattern()).isTrue();
    assertThat(pool.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(pool.maxSeries()).as("the option's value").isEqualTo(10_000);
    assertThat(pool.metrics().get(0).scale()).isEqualTo(0.001);
  }

  @Test
  void aSingleSourceNeedsNoName() throws Exception {
    List<SourceDefinition> sources =
        load(
            """
            sources:
              - url: http://localhost:8000/status
                metrics:
                  - {name: app_uptime, field: total_uptime}
            """);

    assertThat(sources.get(0).name()).isEqualTo("default");
  }

  private static final String HEADER = "sources:\n  - url: http://localhost:8000/status\n";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // problem in the metric | message after the file name
        "colour: blue | :6: sources[0].metrics[0].colour: is not a known key (known here: name,"
            + " type, help, unit, field, each, key_label, labels, label_fields, values, scale,"
            + " states)",
        "type: histo | :6: sources[0].metrics[0].type: 'histo' is not one of gauge, counter,"
            + " stateset, info",
        "scale: lots | :6: sources[0].metrics[0].scale: 'lots' is not a number",
        "unit: bytes | :6: sources[0].metrics[0].unit: 'bytes' must be a lower-case word that"
            + " the name ends with (_bytes)",
        "each: components | :6: sources[0].metrics[0].each: needs 'key_label' or 'label_fields'"
            + " to tell its entries apart, such as key_label: name",
        "key_label: name | :6: sources[0].metrics[0].key_label: goes with 'each'",
        "labels: {0bad: x} | :6: sources[0].metrics[0].labels: '0bad' is not a label name"
            + " ([a-zA-Z_][a-zA-Z0-9_]*, no leading __)",
        "states: [a] | :6: sources[0].metrics[0].states: is only for a stateset",
        "label_fields: {v: 'a..b'} | :6: sources[0].metrics[0].label_fields: 'a..b' has an empty"
            + " name at character 3",
      })
  void badMetricKeysAreRejectedWithFileLineAndKey(String extra, String message) throws Exception {
    Path file =
        write(
            HEADER
                + "    metrics:\n      - name: app_x\n        field: x\n        "
                + extra
                + "\n");

    assertThatThrownBy(() -> ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | :1: is empty; it needs 'sources:' or 'requests:'",
        "{} | :1: sources: is needed, or 'requests:'",
        "sources: [ | :1: is not valid YAML: expected the node content, but found"
            + " '<stream end>'",
        "- a list | :1: the file: must be a mapping of keys to values",
        "source: [] | :1: source: is not a known key (known here: sources, requests)",
        "sources: [] | :1: sources: needs at least one source",
        "sources:\\n  - metrics: [{name: a, field: b}] | :2: sources[0]: needs exactly one of"
            + " 'url' or 'mbean'",
        "sources:\\n  - url: ftp://x\\n    metrics: [{name: a, field: b}] | :2:"
            + " sources[0].url: 'ftp://x' is not an http:// or https:// URL",
        "sources:\\n  - url: 'ftp://user:secret@x/status?token=secret'\\n    metrics: [{name: a,"
            + " field: b}] | :2: sources[0].url: 'ftp://***@x/status?token=***' is not an http://"
            + " or https:// URL",
        "sources:\\n  - url: http://x\\n    max_series: lots\\n    metrics: [{name: a, field:"
            + " b}] | :3: sources[0].max_series: 'lots' is not a whole number of series from 1 to"
            + " 1000000, such as 10000",
        "sources:\\n  - mbean: 'nodomain'\\n    metrics: [{name: a, field: b}] | :2:"
            + " sources[0].mbean: 'nodomain' is not an MBean name or pattern (Key properties"
            + " cannot be empty)",
        "sources:\\n  - url: http://x\\n    timeout: 90s\\n    metrics: [{name: a, field: b}] |"
            + " :3: sources[0].timeout: '90s' is not a duration from 1ms to 60s, such as 500ms or"
            + " 2s",
        "sources:\\n  - url: http://x\\n    headers: {A: '${NOPE}'}\\n    metrics: [{name: a,"
            + " field: b}] | :3: sources[0].headers.A: uses ${NOPE}, but the environment has no"
            + " variable NOPE",
        "sources:\\n  - url: http://x\\n    ca_file: /x.pem\\n    metrics: [{name: a, field: b}] |"
            + " :3: sources[0].ca_file: is only for https:// url sources",
        "sources:\\n  - url: http://x\\n    valid_status_codes: [200, 99]\\n    metrics: [{name: a,"
            + " field: b}] | :3: sources[0].valid_status_codes: '99' is not an HTTP status code"
            + " (100 to 599)",
        "sources:\\n  - url: http://x\\n    valid_status_codes: []\\n    metrics: [{name: a,"
            + " field: b}] | :3: sources[0].valid_status_codes: needs at least one status code,"
            + " such as [200]",
        "sources:\\n  - mbean: 'a:b=c'\\n    valid_status_codes: [200]\\n    metrics: [{name: a,"
            + " field: b}] | :3: sources[0].valid_status_codes: is only for url sources",
        "sources:\\n  - url: http://x\\n    metrics: [] | :3: sources[0].metrics: needs at least"
            + " one metric",
        "sources:\\n  - url: http://x\\n    metrics: [{name: jvm_x, field: b}] | :3:"
            + " sources[0].metrics[0].name: 'jvm_x' starts with jvm_, which the agent's own"
            + " metrics use",
        "sources:\\n  - url: http://x\\n    metrics: [{name: 'a-b', field: b}] | :3:"
            + " sources[0].metrics[0].name: 'a-b' is not a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)",
        "sources:\\n  - url: http://x\\n    metrics: [{name: a, type: stateset, field: b}] | :3:"
            + " sources[0].metrics[0].states: must list the state set's states, each once",
        "sources:\\n  - url: http://x\\n    metrics: [{name: a, type: stateset, field: b, states:"
            + " ['', up]}] | :3: sources[0].metrics[0].states: must list the state set's states,"
            + " each once",
        "sources:\\n  - url: http://x\\n    metrics: [{name: a, type: info, field: b}] | :3:"
            + " sources[0].metrics[0].field: is not for a info metric",
        "sources:\\n  - url: http://x\\n    metrics: [{name: a, type: info}] | :3:"
            + " sources[0].metrics[0].label_fields: is required for an info metric: its labels are"
            + " its value",
        "sources:\\n  - url: http://x\\n    metrics: [{name: a}] | :3: sources[0].metrics[0].field:"
            + " is required for a gauge",
        "sources:\\n  - url: http://x\\n    metrics: [{name: a, field: b}, {name: a_total, type:"
            + " counter, field: c}] | :3: sources[0].metrics[1].name: 'a_total' clashes with metric"
            + " 'a' (both write a)",
        "sources:\\n  - name: one\\n    url: http://x\\n    metrics: [{name: a, field: b}]\\n  -"
            + " name: two\\n    url: http://y\\n    metrics: [{name: a, field: c}] | :7:"
            + " sources[1].metrics[0].name: 'a' clashes with metric 'a' (both write a)",
        "sources:\\n  - url: http://x\\n    metrics: [{name: a, field: b}]\\n  - url: http://y\\n"
            + "    metrics: [{name: c, field: d}] | :2: sources[0].name: is required",
        "sources:\\n  - url: http://x\\n    url: http://y\\n    metrics: [{name: a, field: b}] |"
            + " :3: sources[0].url: is given twice",
      })
  void badFilesAreRejectedWithFileLineAndKey(String yaml, String message) throws Exception {
    Path file = write(yaml.replace("\\n", "\n"));

    assertThatThrownBy(() -> ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + message);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"spring-boot.yml", "elasticsearch.yml", "tomcat-hikari.yml"})
  void theDocumentedExamplesLoad(String example) throws Exception {
    Path file = java.nio.file.Paths.get("..", "docs", "examples", example);
    Path ca = java.nio.file.Paths.get("src", "test", "resources", "ca.pem");
    String yaml =
        Files.readString(file).replace("/etc/elasticsearch/certs/http_ca.crt", ca.toString());

    List<SourceDefinition> sources =
        ConfigFile.load(
            write(yaml),
            Map.of("ACTUATOR_TOKEN", "t", "ES_BASIC_AUTH", "dXNlcjpwYXNz"),
            Duration.ofSeconds(2),
            10_000);

    assertThat(sources).isNotEmpty();
    assertThat(sources).allSatisfy(source -> assertThat(source.metrics()).isNotEmpty());
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = directory.resolve("nope.yml");

    assertThatThrownBy(() -> ConfigFile.load(missing, Map.of(), Duration.ofSeconds(2), 10_000))
        .hasMessage(missing + ": does not exist");
  }

  @Test
  void aDirectoryOrPipeIsNotReadAsAFile() {
    assertThatThrownBy(() -> ConfigFile.load(directory, Map.of(), Duration.ofSeconds(2), 10_000))
        .hasMessage(directory + ": is not a regular file");
  }

  @Test
  void headerValuesWithLineBreaksAreRejectedWithoutShowingThem() throws Exception {
    Path file =
        write(
            "sources:\n  - url: http://x\n    headers: {Authorization: 'Bearer ${TOKEN}'}\n"
                + "    metrics: [{name: a, field: b}]\n");

    assertThatThrownBy(
            () -> ConfigFile.load(file, Map.of("TOKEN", "s3cret\n"), Duration.ofSeconds(2), 10_000))
        .hasMessage(
            file
                + ":3: sources[0].headers: Authorization has a line break or control character in"
                + " its value (a secret read from a file often ends with one)")
        .message()
        .doesNotContain("s3cret");
  }

  /** Found by fuzzing (ConfigFileFuzzTest): the agent prints the message as one line. */
  @Test
  void aValueWithALineBreakIsShownEscapedInTheOneLineMessage() throws Exception {
    Path file =
        write(
            "sources:\n  - url: http://x/${PATH_FROM_FILE}\n    metrics: [{name: a, field: b}]\n");

    assertThatThrownBy(
            () ->
                ConfigFile.load(
                    file, Map.of("PATH_FROM_FILE", "status\n"), Duration.ofSeconds(2), 10_000))
        .hasMessage(
            file + ":2: sources[0].url: 'http://x/status\\n' is not an http:// or https:// URL");
  }

  /**
   * Found by fuzzing (ConfigFileFuzzTest, with the YAML library instrumented): the library threw
   * IllegalArgumentException, not its own exception, out of ConfigFile.load.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "a: \"\\U | java.lang.NumberFormatException: For input string: \"\" under radix 16",
        "a: !%1 | java.lang.IllegalArgumentException: Tag must not contain leading or trailing"
            + " spaces.",
      })
  void whatTheYamlLibraryCannotReadIsRejectedAsInvalidYaml(String yaml, String why)
      throws Exception {
    Path file = write(yaml);

    assertThatThrownBy(() -> ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": is not valid YAML: " + why);
  }

  /**
   * Found by a depth probe written alongside ConfigFileFuzzTest: 2,000 brackets, 4 KB, already
   * overflowed the stack as the YAML library composed the document.
   */
  @Test
  void deepNestingIsRejectedBeforeItExhaustsTheStack() throws Exception {
    Path file = write("sources: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");

    assertThatThrownBy(() -> ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000))
        .hasMessage(file + ":1: nests lists and mappings deeper than 64 levels");
  }

  /**
   * Found while writing ConfigFileFuzzTest, which may name any file: a CA file of /dev/zero kept
   * the load busy forever, and a named pipe blocked it.
   */
  @Test
  // On its own thread: a busy read ignores the interrupt, and a hang must fail only this test.
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aCaFileThatIsNotARegularFileIsNotRead() throws Exception {
    Path zero = Paths.get("/dev/zero");
    assumeTrue(Files.exists(zero), "a Unix device to read");
    Path file =
        write(
            "sources:\n  - url: https://x\n    ca_file: /dev/zero\n"
                + "    metrics: [{name: a, field: b}]\n");

    assertThatThrownBy(() -> ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000))
        .hasMessage(
            file
                + ":3: sources[0].ca_file: '/dev/zero' is not a readable PEM certificate file"
                + " (not a regular file)");
  }
}
