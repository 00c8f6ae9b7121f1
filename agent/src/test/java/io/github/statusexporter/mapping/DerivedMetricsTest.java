package io.github.statusexporter.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.statusexporter.config.mappingfile.ConfigFile;
import io.github.statusexporter.config.mappingfile.SourceDefinition;
import io.github.statusexporter.source.FailureReason;
import io.github.statusexporter.source.JsonReadings;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.Record;
import io.github.statusexporter.source.SourceException;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries of {@code metrics:} that derive a metric from each field, as the exposition shows them.
 */
class DerivedMetricsTest {
  @TempDir Path directory;
  private final List<String> skipped = new ArrayList<>();

  /** Two queue MBeans as MBeanStatusSource reads them: snake_case fields, key properties. */
  private static Reading queues() {
    return new Reading(
        List.of(
            queue("mail", 3, 12, "cached", "Started"), queue("orders", 0, 7, "simple", "Started")),
        List.of());
  }

  private static Record queue(
      String name, double size, double enqueued, String groups, String state) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("broker_name", "localhost");
    labels.put("destination_name", name);
    labels.put("destination_type", "Queue");
    labels.put("type", "Broker");
    Map<String, Object> fields = new TreeMap<>();
    fields.put("name", name);
    fields.put("queue_size", size);
    fields.put("enqueue_count", enqueued);
    fields.put("consumer_count", 1.0);
    fields.put("dlq", false);
    fields.put("memory_limit", 1024.0);
    fields.put("cursor_memory_usage", 5.0);
    fields.put("message_group_type", groups);
    fields.put("state", state);
    fields.put("subscriptions", List.of("a", "b"));
    fields.put("usage", new TreeMap<>(Map.of("used", 10.0, "max", 20.0)));
    return new Record(labels, fields);
  }

  private String map(String metrics, Reading reading) throws Exception {
    return map(metrics, reading, 10_000);
  }

  private String map(String metrics, Reading reading, int maxSeries) throws Exception {
    Path file = directory.resolve("status-exporter.yml");
    Files.writeString(
        file,
        "sources:\n  - mbean: 'org.apache.activemq:type=Broker,destinationType=Queue,*'\n"
            + "    metrics:\n"
            + metrics.indent(6));
    SourceDefinition source = ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000).get(0);
    MetricSnapshots snapshots =
        new MetricSnapshots(
            Mapping.of(source.metrics(), source.derived())
                .apply(
                    reading,
                    maxSeries,
                    (metric, reason) -> skipped.add(metric + ":" + reason.label())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots, EscapingScheme.ALLOW_UTF8);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyNumericAndBooleanFieldBecomesAGaugeOrACounterNamedAfterIt() throws Exception {
    String text =
        map(
            """
            - fields: "*"
              prefix: activemq_queue_
              exclude: ["Cursor*", MemoryLimit]
              counters: ["Enqueue*"]
              info: [Name]
              states: {MessageGroupType: [cached, simple]}
            """,
            queues());

    String mbean = "mbean:org.apache.activemq:type=Broker,destinationType=Queue,*";
    String mail =
        "broker_name=\"localhost\",destination_name=\"mail\",destination_type=\"Queue\","
            + "type=\"Broker\"";
    String orders = mail.replace("\"mail\"", "\"orders\"");
    assertThat(text)
        .isEqualTo(
            """
            # HELP activemq_queue_info Fields Name of MBEAN
            # TYPE activemq_queue_info gauge
            activemq_queue_info{INFO_MAIL} 1
            activemq_queue_info{INFO_ORDERS} 1
            # HELP activemq_queue_consumer_count_current Field consumer_count of MBEAN
            # TYPE activemq_queue_consumer_count_current gauge
            activemq_queue_consumer_count_current{MAIL} 1.0
            activemq_queue_consumer_count_current{ORDERS} 1.0
            # HELP activemq_queue_dlq Field dlq of MBEAN
            # TYPE activemq_queue_dlq gauge
            activemq_queue_dlq{MAIL} 0.0
            activemq_queue_dlq{ORDERS} 0.0
            # HELP activemq_queue_enqueue_count_total Field enqueue_count of MBEAN
            # TYPE activemq_queue_enqueue_count_total counter
            activemq_queue_enqueue_count_total{MAIL} 12.0
            activemq_queue_enqueue_count_total{ORDERS} 7.0
            # HELP activemq_queue_message_group_type Field MessageGroupType of MBEAN
            # TYPE activemq_queue_message_group_type gauge
            activemq_queue_message_group_type{MAIL,activemq_queue_message_group_type="cached"} 1
            activemq_queue_message_group_type{MAIL,activemq_queue_message_group_type="simple"} 0
            activemq_queue_message_group_type{ORDERS,activemq_queue_message_group_type="cached"} 0
            activemq_queue_message_group_type{ORDERS,activemq_queue_message_group_type="simple"} 1
            # HELP activemq_queue_queue_size Field queue_size of MBEAN
            # TYPE activemq_queue_queue_size gauge
            activemq_queue_queue_size{MAIL} 3.0
            activemq_queue_queue_size{ORDERS} 0.0
            # HELP activemq_queue_usage_max Field usage.max of MBEAN
            # TYPE activemq_queue_usage_max gauge
            activemq_queue_usage_max{MAIL} 20.0
            activemq_queue_usage_max{ORDERS} 20.0
            # HELP activemq_queue_usage_used Field usage.used of MBEAN
            # TYPE activemq_queue_usage_used gauge
            activemq_queue_usage_used{MAIL} 10.0
            activemq_queue_usage_used{ORDERS} 10.0
            """
                .replace("MBEAN", mbean)
                .replace("INFO_MAIL", mail.replace(",type=", ",name=\"mail\",type="))
                .replace("INFO_ORDERS", orders.replace(",type=", ",name=\"orders\",type="))
                .replace("MAIL", mail)
                .replace("ORDERS", orders));
    // The string field "state" and the list "subscriptions", only globbed, are passed by.
    assertThat(skipped).isEmpty();
  }

  @Test
  void theRequestMetricsNamesAreNotDerivedAndAStateSetsOwnLabelWins() throws Exception {
    Reading reading =
        new Reading(
            List.of(
                new Record(
                    Map.of("http_state", "from-the-key-property"),
                    Map.of("server_active_requests", 2.0, "state", "up"))),
            List.of());

    String text =
        map(
            """
            - fields: "*"
              prefix: http_
              states: {state: [up, down]}
            """,
            reading);

    // http_server_active_requests is the agent's own request metric: not written twice.
    assertThat(text).doesNotContain("http_server_active_requests");
    assertThat(skipped).containsExactly("http_server_active_requests:duplicate");
    assertThat(text).contains("http_state{http_state=\"up\"} 1");
  }

  @Test
  void aJsonDocumentsNestedObjectsAreFlattenedAndItsListsLeftOut() throws Exception {
    Reading reading =
        JsonReadings.parse(
            """
            {"uptimeSeconds": 12.5, "requests_total": 40, "bytes_total": 300,
             "jvm": {"heapMemoryUsage": {"used": 100, "committed": 200}},
             "nodes": [1, 2], "version": "1.2"}
            """
                .getBytes(StandardCharsets.UTF_8));

    String text =
        map(
            """
            - fields: "*"
              prefix: app_
              counters: [requests_total]
            """,
            reading);

    // A gauge never ends in _total; a counter ends in it once.
    assertThat(text)
        .isEqualTo(
            """
            # HELP app_bytes_total_current Field bytes_total of mbean:org.apache.activemq:type=Broker,destinationType=Queue,*
            # TYPE app_bytes_total_current gauge
            app_bytes_total_current 300.0
            # HELP app_jvm_heap_memory_usage_committed Field jvm.heapMemoryUsage.committed of mbean:org.apache.activemq:type=Broker,destinationType=Queue,*
            # TYPE app_jvm_heap_memory_usage_committed gauge
            app_jvm_heap_memory_usage_committed 200.0
            # HELP app_jvm_heap_memory_usage_used Field jvm.heapMemoryUsage.used of mbean:org.apache.activemq:type=Broker,destinationType=Queue,*
            # TYPE app_jvm_heap_memory_usage_used gauge
            app_jvm_heap_memory_usage_used 100.0
            # HELP app_requests_total Field requests_total of mbean:org.apache.activemq:type=Broker,destinationType=Queue,*
            # TYPE app_requests_total counter
            app_requests_total 40.0
            # HELP app_uptime_seconds Field uptimeSeconds of mbean:org.apache.activemq:type=Broker,destinationType=Queue,*
            # TYPE app_uptime_seconds gauge
            app_uptime_seconds 12.5
            """);
    assertThat(skipped).isEmpty();
  }

  @Test
  void aNamedMetricKeepsItsNameAndTheFirstFieldToDeriveANameKeepsIt() throws Exception {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("queue_size", 3.0);
    fields.put("queueSize", 4.0);
    fields.put("depth", 5.0);
    Reading reading = new Reading(List.of(new Record(Map.of(), fields)), List.of());

    String text =
        map(
            """
            - {name: app_depth, field: depth}
            - fields: "*"
              prefix: app_
            """,
            reading);

    assertThat(text)
        .isEqualTo(
            """
            # HELP app_depth Status field depth
            # TYPE app_depth gauge
            app_depth 5.0
            # HELP app_queue_size Field queue_size of mbean:org.apache.activemq:type=Broker,destinationType=Queue,*
            # TYPE app_queue_size gauge
            app_queue_size 3.0
            """);
    assertThat(skipped).containsExactly("app_queue_size:duplicate", "app_depth:duplicate");
  }

  @Test
  void namedFieldsThatAreMissingOrNotNumbersAreSaidSkipped() throws Exception {
    String text =
        map(
            """
            - fields: [QueueSize, Name, Subscriptions, Nothing]
              prefix: q_
            """,
            new Reading(List.of(queue("mail", 3, 12, "cached", "Started")), List.of()));

    assertThat(text).startsWith("# HELP q_queue_size ");
    assertThat(skipped)
        .containsExactly("q_name:wrong_type", "q_subscriptions:wrong_type", "q_nothing:missing");
  }

  @Test
  void namesPromtoolWouldWarnAboutAreNotMade() throws Exception {
    Reading reading =
        JsonReadings.parse(
            """
            {"latency_ms": 3, "uptime_minutes": 2, "heap_gauge": 1, "ok": 1,
             "negative": -1, "timeMillis": 4}
            """
                .getBytes(StandardCharsets.UTF_8));

    String text =
        map(
            """
            - fields: "*"
              prefix: app_
              counters: [negative]
            """,
            reading);

    assertThat(text)
        .isEqualTo(
            """
            # HELP app_ok Field ok of mbean:org.apache.activemq:type=Broker,destinationType=Queue,*
            # TYPE app_ok gauge
            app_ok 1.0
            # HELP app_time_millis Field timeMillis of mbean:org.apache.activemq:type=Broker,destinationType=Queue,*
            # TYPE app_time_millis gauge
            app_time_millis 4.0
            """);
    assertThat(skipped)
        .containsExactlyInAnyOrder(
            "app_latency_ms:unclean_name",
            "app_uptime_minutes:unclean_name",
            "app_heap_gauge:unclean_name",
            "app_negative_total:negative");
  }

  @Test
  void theSourcesSeriesCapHoldsForDerivedMetrics() {
    assertThatThrownBy(
            () ->
                map(
                    """
                    - fields: "*"
                      prefix: activemq_queue_
                    """,
                    queues(),
                    5))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.TOO_MANY_SERIES));
  }

  @Test
  void theFieldsOfAStateSetOrInfoAreNotAlsoNumbers() throws Exception {
    Reading reading =
        JsonReadings.parse("{\"up\": true, \"version\": 3}".getBytes(StandardCharsets.UTF_8));

    String text =
        map(
            """
            - fields: "*"
              prefix: app_
              info: [version]
            """,
            reading);

    assertThat(text)
        .isEqualTo(
            """
            # HELP app_info Fields version of mbean:org.apache.activemq:type=Broker,destinationType=Queue,*
            # TYPE app_info gauge
            app_info{version="3"} 1
            # HELP app_up Field up of mbean:org.apache.activemq:type=Broker,destinationType=Queue,*
            # TYPE app_up gauge
            app_up 1.0
            """);
  }
}
