package io.github.statusexporter.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.mappingfile.ConfigFile;
import io.github.statusexporter.config.mappingfile.SourceDefinition;
import io.github.statusexporter.source.JsonReadings;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.Record;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mapping files over realistic status documents, compared as whole exposition texts. */
class MappingFileTest {
  private final List<String> skipped = new ArrayList<>();

  private String map(String name) throws Exception {
    Path directory = Paths.get(MappingFileTest.class.getResource("/mapping").toURI());
    List<SourceDefinition> sources =
        ConfigFile.load(directory.resolve(name + ".yml"), Map.of(), Duration.ofSeconds(2), 10_000);
    byte[] json = Files.readAllBytes(directory.resolve(name + ".json"));
    MetricSnapshots snapshots =
        new MetricSnapshots(
            Mapping.of(sources.get(0).metrics(), sources.get(0).derived())
                .apply(
                    JsonReadings.parse(json),
                    10_000,
                    (metric, reason) -> skipped.add(metric + ":" + reason.label())));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots, EscapingScheme.ALLOW_UTF8);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void springBootHealthWithComponentsValueTablesAndInfo() throws Exception {
    assertThat(map("spring-health"))
        .isEqualTo(
            """
            # HELP app_component_status Health of each component
            # TYPE app_component_status gauge
            app_component_status{component="db",app_component_status="DOWN"} 0
            app_component_status{component="db",app_component_status="OUT_OF_SERVICE"} 0
            app_component_status{component="db",app_component_status="UNKNOWN"} 0
            app_component_status{component="db",app_component_status="UP"} 1
            app_component_status{component="diskSpace",app_component_status="DOWN"} 0
            app_component_status{component="diskSpace",app_component_status="OUT_OF_SERVICE"} 0
            app_component_status{component="diskSpace",app_component_status="UNKNOWN"} 0
            app_component_status{component="diskSpace",app_component_status="UP"} 1
            app_component_status{component="ping",app_component_status="DOWN"} 0
            app_component_status{component="ping",app_component_status="OUT_OF_SERVICE"} 0
            app_component_status{component="ping",app_component_status="UNKNOWN"} 0
            app_component_status{component="ping",app_component_status="UP"} 1
            app_component_status{component="redis",app_component_status="DOWN"} 1
            app_component_status{component="redis",app_component_status="OUT_OF_SERVICE"} 0
            app_component_status{component="redis",app_component_status="UNKNOWN"} 0
            app_component_status{component="redis",app_component_status="UP"} 0
            # HELP app_database_info The database in use
            # TYPE app_database_info gauge
            app_database_info{database="PostgreSQL"} 1
            # HELP app_disk_free_bytes Free disk space
            # TYPE app_disk_free_bytes gauge
            app_disk_free_bytes 9.1300564992E10
            # HELP app_up 1 if the application reports UP
            # TYPE app_up gauge
            app_up 1.0
            """);
    assertThat(skipped).isEmpty();
  }

  @Test
  void clusterHealthWithColoursBooleansScaleAndLabels() throws Exception {
    assertThat(map("cluster-health"))
        .isEqualTo(
            """
            # HELP cluster_active_shards_ratio Active shards as a share of all
            # TYPE cluster_active_shards_ratio gauge
            cluster_active_shards_ratio 0.96
            # HELP cluster_nodes Nodes in the cluster, by role
            # TYPE cluster_nodes gauge
            cluster_nodes{role="any"} 3.0
            # HELP cluster_status Cluster health colour
            # TYPE cluster_status gauge
            cluster_status{cluster="prod",cluster_status="green"} 0
            cluster_status{cluster="prod",cluster_status="red"} 0
            cluster_status{cluster="prod",cluster_status="yellow"} 1
            # HELP cluster_task_max_waiting_seconds Longest wait of a pending task
            # TYPE cluster_task_max_waiting_seconds gauge
            cluster_task_max_waiting_seconds 1.5
            # HELP cluster_timed_out 1 if the health request timed out
            # TYPE cluster_timed_out gauge
            cluster_timed_out 0.0
            """);
    assertThat(skipped).isEmpty();
  }

  @Test
  void arrayEntriesNumericStringsAndCounters() throws Exception {
    assertThat(map("queues"))
        .isEqualTo(
            """
            # HELP app_queue_depth Messages waiting, by queue
            # TYPE app_queue_depth gauge
            app_queue_depth{index="0",queue="orders"} 17.0
            app_queue_depth{index="1",queue="mail"} 3.0
            # HELP app_requests_served_total Requests served since start
            # TYPE app_requests_served_total counter
            app_requests_served_total 1234.0
            """);
    assertThat(skipped).containsExactly("app_queue_depth:wrong_type");
  }

  @Test
  void labelsThatHideWhatToldRecordsApartKeepTheFirstAndCountTheRest() throws Exception {
    Path file = Files.createTempFile("mapping", ".yml");
    Files.writeString(
        file,
        """
        sources:
          - mbean: "test:type=Pool,*"
            metrics:
              - {name: pool_active, field: active, labels: {env: prod}}
              - {name: pool_state, type: stateset, field: state, states: [UP, DOWN]}
        """);
    List<SourceDefinition> sources = ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000);
    Reading reading =
        new Reading(
            List.of(
                new Record(
                    Map.of("env", "a", "pool_state", "x"), Map.of("active", 1.0, "state", "UP")),
                new Record(
                    Map.of("env", "b", "pool_state", "x"), Map.of("active", 2.0, "state", "DOWN"))),
            List.of());

    List<MetricSnapshot> snapshots =
        Mapping.of(sources.get(0).metrics())
            .apply(reading, 10_000, (metric, reason) -> skipped.add(metric + ":" + reason.label()));

    assertThat(snapshots.get(0).getDataPoints()).hasSize(1);
    assertThat(snapshots.get(1).getDataPoints()).hasSize(2);
    assertThat(skipped).containsExactly("pool_active:duplicate");
  }

  @Test
  void entriesWithoutAKeyLabelAreToldApartByTheirLabelFieldsAlone() throws Exception {
    Path file = Files.createTempFile("mapping", ".yml");
    Files.writeString(
        file,
        """
        sources:
          - url: http://localhost:8080/q/health
            metrics:
              - {name: app_check_up, field: status, values: {UP: 1, DOWN: 0}, each: checks,
                 label_fields: {check: name}}
        """);
    List<SourceDefinition> sources = ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000);
    Reading reading =
        JsonReadings.parse(
            ("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"db\",\"status\":\"UP\"},"
                    + "{\"name\":\"payments\",\"status\":\"DOWN\"},"
                    + "{\"name\":\"db\",\"status\":\"DOWN\"}]}")
                .getBytes(StandardCharsets.UTF_8));

    List<MetricSnapshot> snapshots =
        Mapping.of(sources.get(0).metrics())
            .apply(reading, 10_000, (metric, reason) -> skipped.add(metric + ":" + reason.label()));

    assertThat(snapshots.get(0).getDataPoints())
        .extracting(point -> point.getLabels().toString())
        .containsExactly("{check=\"db\"}", "{check=\"payments\"}");
    assertThat(skipped).containsExactly("app_check_up:duplicate");
  }

  @Test
  void scaledValuesPrintAsAPersonWouldWriteThemAndSkipsNameTheMetricAsExported() throws Exception {
    Path file = Files.createTempFile("mapping", ".yml");
    Files.writeString(
        file,
        """
        sources:
          - url: http://localhost:8000/status
            metrics:
              - {name: app_latency_seconds, field: latency_ms, scale: 0.001}
              - {name: app_requests_total, type: counter, field: requests}
              - {name: app_errors_total, type: counter, field: errors}
        """);
    List<SourceDefinition> sources = ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000);
    Reading reading =
        new Reading(
            List.of(
                new Record(
                    Map.of(), Map.of("latency_ms", 569.0, "requests", -1.0, "errors", "many"))),
            List.of());

    List<MetricSnapshot> snapshots =
        Mapping.of(sources.get(0).metrics())
            .apply(reading, 10_000, (metric, reason) -> skipped.add(metric + ":" + reason.label()));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create()
        .write(out, new MetricSnapshots(snapshots), EscapingScheme.ALLOW_UTF8);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("app_latency_seconds 0.569\n");
    assertThat(skipped)
        .containsExactlyInAnyOrder("app_requests_total:negative", "app_errors_total:wrong_type");
  }

  @Test
  void elasticsearchClusterHealthWithEveryFieldDerived() throws Exception {
    String origin = "http://localhost:9200/_cluster/health";
    assertThat(map("derived"))
        .isEqualTo(
            """
            # HELP es_cluster_info Fields cluster_name of ORIGIN
            # TYPE es_cluster_info gauge
            es_cluster_info{cluster_name="prod"} 1
            # HELP es_cluster_active_shards Field active_shards of ORIGIN
            # TYPE es_cluster_active_shards gauge
            es_cluster_active_shards 24.0
            # HELP es_cluster_active_shards_percent_as_number Field active_shards_percent_as_number of ORIGIN
            # TYPE es_cluster_active_shards_percent_as_number gauge
            es_cluster_active_shards_percent_as_number 96.0
            # HELP es_cluster_number_of_data_nodes Field number_of_data_nodes of ORIGIN
            # TYPE es_cluster_number_of_data_nodes gauge
            es_cluster_number_of_data_nodes 2.0
            # HELP es_cluster_number_of_nodes Field number_of_nodes of ORIGIN
            # TYPE es_cluster_number_of_nodes gauge
            es_cluster_number_of_nodes 3.0
            # HELP es_cluster_status Field status of ORIGIN
            # TYPE es_cluster_status gauge
            es_cluster_status{es_cluster_status="green"} 0
            es_cluster_status{es_cluster_status="red"} 0
            es_cluster_status{es_cluster_status="yellow"} 1
            # HELP es_cluster_task_max_waiting_in_queue_millis Field task_max_waiting_in_queue_millis of ORIGIN
            # TYPE es_cluster_task_max_waiting_in_queue_millis gauge
            es_cluster_task_max_waiting_in_queue_millis 1500.0
            # HELP es_cluster_unassigned_shards Field unassigned_shards of ORIGIN
            # TYPE es_cluster_unassigned_shards gauge
            es_cluster_unassigned_shards 1.0
            """
                .replace("ORIGIN", origin));
    assertThat(skipped).isEmpty();
  }
}
