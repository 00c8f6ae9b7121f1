package io.github.statusexporter.config.mappingfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.mapping.SkipReason;
import io.github.statusexporter.source.KeyPropertyLabels;
import io.github.statusexporter.source.Reading;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code key_properties}: which key properties of an MBean source label its series, and how. */
class MBeanKeyPropertiesTest {
  @TempDir Path directory;

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final List<ObjectName> registered = new ArrayList<>();

  /** A queue of a broker, as ActiveMQ Classic registers them. */
  public interface QueueMBean {
    long getQueueSize();
  }

  public static final class Queue implements QueueMBean {
    private final long size;

    Queue(long size) {
      this.size = size;
    }

    @Override
    public long getQueueSize() {
      return size;
    }
  }

  private void register(String name, long size) throws Exception {
    ObjectName objectName = new ObjectName(name);
    server.registerMBean(new Queue(size), objectName);
    registered.add(objectName);
  }

  @AfterEach
  void unregister() throws Exception {
    for (ObjectName name : registered) {
      server.unregisterMBean(name);
    }
  }

  private List<SourceDefinition> load(String source) throws Exception {
    Path file = directory.resolve("status-exporter.yml");
    Files.writeString(
        file,
        "sources:\n  - "
            + source
            + "\n    metrics:\n      - {name: queue_size, field: queue_size}\n");
    return ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000);
  }

  private static KeyPropertyLabels keyProperties(SourceDefinition source) {
    return ((MBeanSource) source.address()).keyProperties();
  }

  /** The exposition of the source's metrics now, and the values it left out. */
  private static String scrape(SourceDefinition source, Map<String, SkipReason> skipped)
      throws Exception {
    Reading reading = source.address().open(source.timeout(), "test").read();
    MetricSnapshots snapshots =
        new MetricSnapshots(
            Mapping.of(source.metrics())
                .apply(
                    reading, source.maxSeries(), (metric, reason) -> skipped.put(metric, reason)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots, EscapingScheme.DEFAULT);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aMappingRenamesTheChosenKeyPropertiesAndLeavesOutTheOthers() throws Exception {
    register(
        "test.broker:type=Broker,brokerName=main,destinationType=Queue,destinationName=orders", 3);
    register(
        "test.broker:type=Broker,brokerName=main,destinationType=Queue,destinationName=\"a,b\"", 5);

    SourceDefinition source =
        load("mbean: test.broker:type=Broker,brokerName=*,destinationType=Queue,destinationName=*\n"
                + "    key_properties: {queue: destinationName, broker: brokerName}")
            .get(0);

    Map<String, String> chosen = new LinkedHashMap<>();
    chosen.put("queue", "destinationName");
    chosen.put("broker", "brokerName");
    assertThat(keyProperties(source)).isEqualTo(KeyPropertyLabels.chosen(chosen));
    assertThat(scrape(source, new LinkedHashMap<>()))
        .isEqualTo(
            "# HELP queue_size Status field queue_size\n"
                + "# TYPE queue_size gauge\n"
                + "queue_size{broker=\"main\",queue=\"a,b\"} 5.0\n"
                + "queue_size{broker=\"main\",queue=\"orders\"} 3.0\n");
  }

  @Test
  void aListChoosesKeyPropertiesNamedAsByDefault() throws Exception {
    register(
        "test.broker:type=Broker,brokerName=main,destinationType=Queue,destinationName=orders", 3);

    SourceDefinition source =
        load("mbean: test.broker:type=Broker,*\n"
                + "    key_properties: [destinationName, destinationType]")
            .get(0);

    assertThat(scrape(source, new LinkedHashMap<>()))
        .isEqualTo(
            "# HELP queue_size Status field queue_size\n"
                + "# TYPE queue_size gauge\n"
                + "queue_size{destination_name=\"orders\",destination_type=\"Queue\"} 3.0\n");
  }

  @Test
  void withoutTheKeyEverySeriesCarriesAllKeyProperties() throws Exception {
    register(
        "test.broker:type=Broker,brokerName=main,destinationType=Queue,destinationName=orders", 3);

    SourceDefinition source = load("mbean: test.broker:type=Broker,*").get(0);

    assertThat(keyProperties(source)).isEqualTo(KeyPropertyLabels.ALL);
    assertThat(scrape(source, new LinkedHashMap<>()))
        .isEqualTo(
            "# HELP queue_size Status field queue_size\n"
                + "# TYPE queue_size gauge\n"
                + "queue_size{broker_name=\"main\",destination_name=\"orders\","
                + "destination_type=\"Queue\",type=\"Broker\"} 3.0\n");
  }

  @Test
  void anMBeanWithoutAChosenKeyPropertyHasNoSuchLabel() throws Exception {
    register(
        "test.broker:type=Broker,brokerName=main,destinationType=Queue,destinationName=orders", 3);
    register("test.broker:type=Broker,brokerName=main", 1);

    SourceDefinition source =
        load("mbean: test.broker:type=Broker,*\n    key_properties: {queue: destinationName}")
            .get(0);

    assertThat(scrape(source, new LinkedHashMap<>()))
        .isEqualTo(
            "# HELP queue_size Status field queue_size\n"
                + "# TYPE queue_size gauge\n"
                + "queue_size 1.0\n"
                + "queue_size{queue=\"orders\"} 3.0\n");
  }

  @Test
  void seriesThatALeftOutKeyPropertyMadeIdenticalAreSkippedAsDuplicates() throws Exception {
    register(
        "test.broker:type=Broker,brokerName=one,destinationType=Queue,destinationName=orders", 3);
    register(
        "test.broker:type=Broker,brokerName=two,destinationType=Queue,destinationName=orders", 4);
    Map<String, SkipReason> skipped = new LinkedHashMap<>();

    SourceDefinition source =
        load("mbean: test.broker:type=Broker,*\n    key_properties: [destinationName]").get(0);

    assertThat(scrape(source, skipped))
        .isEqualTo(
            "# HELP queue_size Status field queue_size\n"
                + "# TYPE queue_size gauge\n"
                + "queue_size{destination_name=\"orders\"} 3.0\n");
    assertThat(skipped).containsExactly(Map.entry("queue_size", SkipReason.DUPLICATE));
  }

  @Test
  void chosenKeyPropertiesLabelASingleNamedMBeanToo() throws Exception {
    register(
        "test.broker:type=Broker,brokerName=main,destinationType=Queue,destinationName=orders", 3);

    SourceDefinition source =
        load("mbean: test.broker:type=Broker,brokerName=main,destinationType=Queue,destinationName=orders\n"
                + "    key_properties: {queue: destinationName}")
            .get(0);

    assertThat(scrape(source, new LinkedHashMap<>()))
        .isEqualTo(
            "# HELP queue_size Status field queue_size\n"
                + "# TYPE queue_size gauge\n"
                + "queue_size{queue=\"orders\"} 3.0\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "url: http://x\\n    key_properties: [name] | :3: sources[0].key_properties: is only for"
            + " mbean sources",
        "mbean: 'a:type=Pool,name=*'\\n    key_properties: {0bad: name} | :3:"
            + " sources[0].key_properties: '0bad' is not a label name ([a-zA-Z_][a-zA-Z0-9_]*, no"
            + " leading __)",
        "mbean: 'a:type=Pool,name=*'\\n    key_properties: {__name__: name} | :3:"
            + " sources[0].key_properties: '__name__' is not a label name ([a-zA-Z_][a-zA-Z0-9_]*,"
            + " no leading __)",
        "mbean: 'a:type=Pool,name=*'\\n    key_properties: [name, name] | :3:"
            + " sources[0].key_properties: label 'name' is given twice",
        "mbean: 'a:type=Pool,*'\\n    key_properties: [poolName, pool_name] | :3:"
            + " sources[0].key_properties: label 'pool_name' is given twice",
        "mbean: 'a:type=Pool,name=*'\\n    key_properties: [pool] | :3:"
            + " sources[0].key_properties: 'pool' is not a key property of a:type=Pool,name=* (its"
            + " keys: name, type); only a pattern ending in ,* matches MBeans with other keys",
        "mbean: 'a:type=Pool,*'\\n    key_properties: ['a,b'] | :3: sources[0].key_properties:"
            + " 'a,b' is not a key property (a name without , = : * ? or quotes, such as"
            + " destinationName)",
        "mbean: 'a:type=Pool,*'\\n    key_properties: {pool: ''} | :3:"
            + " sources[0].key_properties: '' is not a key property (a name without , = : * ? or"
            + " quotes, such as destinationName)",
        "mbean: 'a:type=Pool,*'\\n    key_properties: [] | :3: sources[0].key_properties: needs"
            + " at least one key property, such as [name] or {pool: name}; without the key the"
            + " series carry all of them",
      })
  void badKeyPropertiesAreRejectedWithFileLineAndKey(String source, String message)
      throws Exception {
    Path file = directory.resolve("status-exporter.yml");

    assertThatThrownBy(() -> load(source.replace("\\n", "\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + message);
  }

  @Test
  void aPatternEndingInAStarMayChooseKeysItDoesNotName() throws Exception {
    assertThat(keyProperties(load("mbean: 'a:type=Pool,*'\n    key_properties: [pool]").get(0)))
        .isEqualTo(KeyPropertyLabels.chosen(Map.of("pool", "pool")));
  }
}
