package io.github.statusexporter.config.mappingfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.statusexporter.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The entries of {@code metrics:} that derive metrics from fields, as the mapping file has them.
 */
class DerivedMetricsEntryTest {
  @TempDir Path directory;

  private Path write(String yaml) throws IOException {
    Path file = directory.resolve("status-exporter.yml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void anEntryWithFieldsLoadsBesideNamedMetrics() throws Exception {
    List<SourceDefinition> sources =
        ConfigFile.load(
            write(
                """
                sources:
                  - name: queues
                    mbean: 'org.apache.activemq:type=Broker,brokerName=*,destinationType=Queue,*'
                    metrics:
                      - {name: activemq_queue_depth, field: QueueSize}
                      - fields: "*"
                        prefix: activemq_queue_
                        exclude: [MemoryLimit, "Cursor*"]
                        counters: ["*Count"]
                        info: [BrokerVersion]
                        states: {State: [Started, Stopped]}
                      - fields: [QueueSize, "Average*"]
                        prefix: activemq_other_
                """),
            Map.of(),
            Duration.ofSeconds(2),
            10_000);

    SourceDefinition source = sources.get(0);
    assertThat(source.metrics())
        .extracting(MetricDefinition::name)
        .containsExactly("activemq_queue_depth");
    assertThat(source.derived()).hasSize(2);
    DerivedMetricsDefinition all = source.derived().get(0);
    assertThat(all.prefix()).isEqualTo("activemq_queue_");
    assertThat(all.fields()).containsExactly("*");
    assertThat(all.exclude()).containsExactly("MemoryLimit", "Cursor*");
    assertThat(all.counters()).containsExactly("*Count");
    assertThat(all.info()).containsExactly("BrokerVersion");
    assertThat(all.states()).isEqualTo(Map.of("State", List.of("Started", "Stopped")));
    assertThat(all.origin())
        .isEqualTo("mbean:org.apache.activemq:type=Broker,brokerName=*,destinationType=Queue,*");
    assertThat(source.derived().get(1).fields()).containsExactly("QueueSize", "Average*");
  }

  private static final String HEADER = "sources:\n  - url: http://localhost:8000/status\n";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // the entry | message after the file name
        "{fields: '*'} | :4: sources[0].metrics[0].prefix: is required",
        "{fields: '*', prefix: jvm_more_} | :4: sources[0].metrics[0].prefix: 'jvm_more_' starts"
            + " with jvm_, which the agent's own metrics use",
        "{fields: '*', prefix: activemq} | :4: sources[0].metrics[0].prefix: 'activemq' must end"
            + " with _ (activemq_), the field's name follows it",
        "{fields: '*', prefix: http_server_x_} | :4: sources[0].metrics[0].prefix:"
            + " 'http_server_x_' starts with http_server_, which the agent's own metrics use",
        "{fields: '*', prefix: App_} | :4: sources[0].metrics[0].prefix: 'App_' is not the"
            + " lower-case start of a metric name ([a-z_][a-z0-9_]*)",
        "{fields: '*', prefix: 'a-'} | :4: sources[0].metrics[0].prefix: 'a-' is not the"
            + " lower-case start of a metric name ([a-z_][a-z0-9_]*)",
        "{fields: [], prefix: a_} | :4: sources[0].metrics[0].fields: needs at least one name or"
            + " glob, such as \"*\"",
        "{fields: '*', prefix: a_, name: b} | :4: sources[0].metrics[0].name: is not a known key"
            + " (known here: fields, prefix, exclude, counters, info, states)",
        "{fields: '*', prefix: a_, info: ['V*']} | :4: sources[0].metrics[0].info: 'V*' is a"
            + " glob; name the field",
        "{fields: '*', prefix: a_, exclude: ['']} | :4: sources[0].metrics[0].exclude: has an"
            + " empty name",
        "{fields: '*', prefix: a_, states: {State: []}} | :4: sources[0].metrics[0].states.State:"
            + " must list the field's states, each once",
        "{fields: '*', prefix: a_, states: {State: [up, up]}} | :4:"
            + " sources[0].metrics[0].states.State: must list the field's states, each once",
        "{fields: '*', prefix: a_, counters: {a: b}} | :4: sources[0].metrics[0].counters: must be"
            + " a list",
      })
  void badEntriesAreRejectedWithFileLineAndKey(String entry, String message) throws Exception {
    Path file = write(HEADER + "    metrics:\n      - " + entry + "\n");

    assertThatThrownBy(() -> ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // the other source's metric | message after the file name
        "{fields: '*', prefix: app_q_} | :4: sources[0].metrics: prefix 'app_' overlaps prefix"
            + " 'app_q_' of source 'two': their derived names could clash",
        "{name: app_depth, field: d} | :4: sources[0].metrics: prefix 'app_' is the start of"
            + " metric 'app_depth' of source 'two': a derived name could clash with it",
        "{name: app, type: info, label_fields: {v: v}} | :4: sources[0].metrics: prefix 'app_' is"
            + " the start of metric 'app_info' of source 'two': a derived name could clash with it",
        "{name: app, field: d} | :4: sources[0].metrics: prefix 'app_' is the start of metric"
            + " 'app' of source 'two': a derived name could clash with it",
      })
  void aPrefixBelongsToOneSource(String otherMetric, String message) throws Exception {
    Path file =
        write(
            "sources:\n  - name: one\n    url: http://x\n    metrics: [{fields: '*', prefix:"
                + " app_}]\n  - name: two\n    url: http://y\n    metrics: ["
                + otherMetric
                + "]\n");

    assertThatThrownBy(() -> ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + message);
  }

  @Test
  void twoPrefixesOfOneSourceMayOverlap() throws Exception {
    Path file =
        write(
            HEADER
                + "    metrics:\n      - {fields: '*', prefix: app_}\n"
                + "      - {fields: [a], prefix: app_a_}\n      - {name: app_b, field: b}\n");

    assertThat(ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000).get(0).derived())
        .hasSize(2);
  }
}
