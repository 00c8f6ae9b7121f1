package io.github.statusexporter.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.mappingfile.ConfigFile;
import io.github.statusexporter.config.mappingfile.SourceDefinition;
import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.source.FailureReason;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.Record;
import io.github.statusexporter.source.SharedRead;
import io.github.statusexporter.source.SourceException;
import io.github.statusexporter.source.StatusSource;
import io.github.statusexporter.source.UnreadableField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the sources page is told about a source, after real scrapes of the collector. */
class SourceReportsTest {
  private final ExecutorService reader = Executors.newSingleThreadExecutor();
  private volatile Object answer;

  @AfterEach
  void stop() {
    reader.shutdownNow();
  }

  private final StatusSource source =
      new StatusSource() {
        @Override
        public Reading read() throws SourceException {
          if (answer instanceof SourceException) {
            throw (SourceException) answer;
          }
          return (Reading) answer;
        }

        @Override
        public String describe() {
          return "http://***@localhost:8000/status?token=***";
        }
      };

  private StatusCollector collector(String mapping, int maxSeries) throws Exception {
    Path file = Files.createTempFile("mapping", ".yml");
    Files.writeString(file, mapping);
    List<SourceDefinition> sources = ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000);
    SharedRead read = new SharedRead(source, Duration.ofSeconds(2), reader);
    return new StatusCollector(
        List.of(
            new SourceBinding(
                "app",
                read,
                Mapping.of(sources.get(0).metrics(), sources.get(0).derived()),
                maxSeries)),
        line -> {});
  }

  private static final String MAPPING =
      """
      sources:
        - url: http://localhost:8000/status
          metrics:
            - {name: app_requests_current, field: currentRequests}
            - {name: app_health, type: stateset, field: health, states: [healthy, unhealthy]}
            - {name: app_uptime, field: total_uptime}
            - {name: app_served, type: counter, field: served}
            - name: app_queue_size
              each: queues
              key_label: queue
              field: size
              label_fields: {owner: owner}
      """;

  private static Map<String, Object> document() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("current_requests", 4.0);
    document.put("health", "degraded");
    document.put("served", -1.0);
    document.put("version", "<script>alert(1)</script>");
    Map<String, Object> orders = new LinkedHashMap<>();
    orders.put("size", 3.0);
    orders.put("owner", "shop");
    document.put("queues", Map.of("orders", orders));
    return document;
  }

  private static List<String> rows(SourceReport report) {
    List<String> rows = new ArrayList<>();
    for (RecordReport record : report.records()) {
      for (FieldReport field : record.fields()) {
        List<String> fates = new ArrayList<>();
        for (FieldFate fate : field.fates()) {
          fates.add(
              fate.metric()
                  + (fate.skipped() != null
                      ? " skipped " + fate.skipped().label()
                      : fate.label() != null ? " label " + fate.label() : ""));
        }
        rows.add(field.path() + "=" + field.value() + " (" + field.type() + ") " + fates);
      }
    }
    return rows;
  }

  @Test
  void aSourceNeverReadIsSaidToBeNotReadYet() throws Exception {
    SourceReport report = collector(MAPPING, 100).report().get(0);

    assertThat(report.name()).isEqualTo("app");
    assertThat(report.address()).isEqualTo("http://***@localhost:8000/status?token=***");
    assertThat(report.lastRead()).isNull();
    assertThat(report.records()).isEmpty();
  }

  @Test
  void everyFieldIsListedWithWhatBecameOfIt() throws Exception {
    StatusCollector collector = collector(MAPPING, 100);
    answer = Reading.of(document());
    collector.collect();

    SourceReport report = collector.report().get(0);

    assertThat(report.lastRead().isUp()).isTrue();
    assertThat(rows(report))
        .containsExactly(
            "current_requests=4 (number) [app_requests_current]",
            "health=degraded (string) [app_health skipped unknown_state]",
            "served=-1 (number) [app_served_total skipped negative]",
            "version=<script>alert(1)</script> (string) []",
            "queues.orders.size=3 (number) [app_queue_size]",
            "queues.orders.owner=shop (string) [app_queue_size label owner]",
            "total_uptime=null (missing) [app_uptime skipped missing]");
  }

  @Test
  void derivedMetricsTellWhatEachFieldBecame() throws Exception {
    StatusCollector collector =
        collector(
            """
            sources:
              - url: http://localhost:8000/status
                metrics:
                  - {fields: "*", prefix: app_, counters: [served], exclude: [secret],
                     info: [Version, HostName], states: {State: [up, down]}}
            """,
            100);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("queue_size", 4.0);
    document.put("served", -1.0);
    document.put("heap", Map.of("used", 2.0));
    document.put("secret", 1.0);
    document.put("version", "1.2");
    document.put("host_name", "h");
    document.put("state", "up");
    answer = Reading.of(document);
    collector.collect();

    assertThat(rows(collector.report().get(0)))
        .containsExactly(
            "queue_size=4 (number) [app_queue_size]",
            "served=-1 (number) [app_served_total skipped negative]",
            "heap.used=2 (number) [app_heap_used]",
            "secret=1 (number) []",
            "version=1.2 (string) [app_info]",
            "host_name=h (string) [app_info label host_name]",
            "state=up (string) [app_state]");
  }

  @Test
  void aFailedReadTellsWhyAndListsNoFields() throws Exception {
    StatusCollector collector = collector(MAPPING, 100);
    answer = new SourceException(FailureReason.CONNECTION_REFUSED, "connection refused");
    collector.collect();

    SourceReport report = collector.report().get(0);

    assertThat(report.lastRead().isUp()).isFalse();
    assertThat(report.lastRead().failure()).isEqualTo(FailureReason.CONNECTION_REFUSED);
    assertThat(report.lastRead().message()).isEqualTo("connection refused");
    assertThat(report.records()).isEmpty();
  }

  @Test
  void aReadingWithTooManySeriesStillShowsItsFields() throws Exception {
    StatusCollector collector = collector(MAPPING, 1);
    answer = Reading.of(document());
    collector.collect();

    SourceReport report = collector.report().get(0);

    assertThat(report.lastRead().failure()).isEqualTo(FailureReason.TOO_MANY_SERIES);
    assertThat(rows(report))
        .first()
        .isEqualTo("current_requests=4 (number) [app_requests_current]");
    assertThat(rows(report)).contains("version=<script>alert(1)</script> (string) []");
  }

  @Test
  void recordsKeepTheirLabelsAndTheUnreadableCount() throws Exception {
    StatusCollector collector = collector(MAPPING, 100);
    answer =
        new Reading(
            List.of(
                new Record(Map.of("name", "a"), Map.of("current_requests", 1.0)),
                new Record(Map.of("name", "b"), Map.of("current_requests", 2.0))),
            List.of(
                UnreadableField.attribute(new ObjectName("a:name=a"), "X", "IllegalStateException"),
                UnreadableField.attribute(new ObjectName("a:name=a"), "Y", "IllegalStateException"),
                UnreadableField.attribute(
                    new ObjectName("a:name=b"), "X", "IllegalStateException")));
    collector.collect();

    SourceReport report = collector.report().get(0);

    assertThat(report.records())
        .extracting(RecordReport::labels)
        .containsExactly(Map.of("name", "a"), Map.of("name", "b"));
    assertThat(report.unreadableFields()).isEqualTo(3);
    assertThat(report.unreadable())
        .extracting(UnreadableField::describe)
        .containsExactly(
            "attribute X of MBean a:name=a",
            "attribute Y of MBean a:name=a",
            "attribute X of MBean a:name=b");
  }

  @Test
  void whateverTheSourceSendsThePageListsAtMostItsCapOfFieldsAndCutsLongValues() throws Exception {
    StatusCollector collector = collector(MAPPING, 100);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("long", "x".repeat(100_000));
    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add((double) i);
    }
    document.put("many", many);
    answer = Reading.of(document);
    collector.collect();

    SourceReport report = collector.report().get(0);

    List<FieldReport> fields = report.records().get(0).fields();
    assertThat(fields).hasSize(SourceReports.MAX_FIELDS);
    assertThat(fields.get(0).value()).isEqualTo("x".repeat(FieldReport.MAX_CHARS) + "\u2026");
    assertThat(fields.get(1).path()).isEqualTo("many[0]");
    // 10,000 list entries and the fields the mapping looked for (5, all missing), less those shown
    assertThat(report.fieldsNotShown()).isEqualTo(10_001 + 5 - SourceReports.MAX_FIELDS);
  }
}
