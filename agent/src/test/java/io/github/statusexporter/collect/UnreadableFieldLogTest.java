package io.github.statusexporter.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.source.MBeanStatusSource;
import io.github.statusexporter.source.SharedRead;
import io.github.statusexporter.source.UnreadableField;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An unreadable attribute is named once in the log, however often it is read. */
class UnreadableFieldLogTest {
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final ExecutorService reader = Executors.newSingleThreadExecutor();
  private final ObjectName name;

  UnreadableFieldLogTest() throws Exception {
    name = new ObjectName("test.unreadable:type=Broker,name=main");
  }

  /** An MBean with one good attribute and one whose getter always throws. */
  public interface BrokerMBean {
    int getQueues();

    long getStorePercentUsage();
  }

  public static final class Broker implements BrokerMBean {
    @Override
    public int getQueues() {
      return 2;
    }

    @Override
    public long getStorePercentUsage() {
      throw new UnsupportedOperationException("no persistent store\non this broker");
    }
  }

  @AfterEach
  void stop() throws Exception {
    reader.shutdownNow();
    if (ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    }
  }

  @Test
  void aGetterThatAlwaysThrowsIsNamedOnceAndCountedAtEveryRead() throws Exception {
    ManagementFactory.getPlatformMBeanServer().registerMBean(new Broker(), name);
    StatusCollector collector =
        new StatusCollector(
            List.of(
                new SourceBinding(
                    "broker",
                    new SharedRead(new MBeanStatusSource(name), Duration.ofSeconds(2), reader),
                    Mapping.seed(),
                    10_000)),
            log::add);

    String exposition = "";
    for (int i = 0; i < 3; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrometheusTextFormatWriter.create().write(out, collector.collect(), EscapingScheme.DEFAULT);
      exposition = out.toString(StandardCharsets.UTF_8);
    }

    assertThat(log)
        .containsExactly(
            "status source mbean:test.unreadable:type=Broker,name=main: attribute"
                + " StorePercentUsage of MBean test.unreadable:type=Broker,name=main cannot be"
                + " read (UnsupportedOperationException: no persistent store on this broker); it"
                + " is left out");
    assertThat(exposition)
        .contains("status_exporter_source_unreadable_fields_total{source=\"broker\"} 3.0\n");
  }

  @Test
  void pastTheBoundOneLineSaysThatMoreAreNotNamed() throws Exception {
    UnreadableFieldLog names = new UnreadableFieldLog(log::add);
    List<UnreadableField> fields = new ArrayList<>();
    for (int i = 0; i <= UnreadableFieldLog.MAX_NAMED; i++) {
      fields.add(UnreadableField.attribute(name, "Attribute" + i, "IllegalStateException"));
    }

    names.tell("broker", "mbean:x", fields);
    names.tell("broker", "mbean:x", fields);

    assertThat(log).hasSize(UnreadableFieldLog.MAX_NAMED + 1);
    assertThat(log.get(0))
        .isEqualTo(
            "status source mbean:x: attribute Attribute0 of MBean"
                + " test.unreadable:type=Broker,name=main cannot be read (IllegalStateException);"
                + " it is left out");
    assertThat(log.get(UnreadableFieldLog.MAX_NAMED))
        .isEqualTo(
            "more unreadable attributes are not named (1000 are);"
                + " status_exporter_source_unreadable_fields_total counts them all");
  }

  @Test
  void aSourceReplacedByOneOfTheSameNameHasItsFieldsNamedAfresh() throws Exception {
    UnreadableFieldLog names = new UnreadableFieldLog(log::add);
    List<UnreadableField> fields =
        List.of(UnreadableField.attribute(name, "Broken", "IllegalStateException"));

    names.tell("broker", "mbean:x", fields);
    names.remove("broker");
    names.tell("broker", "mbean:x", fields);

    assertThat(log).hasSize(2);
  }
}
