package io.github.statusexporter.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.mappingfile.ConfigFile;
import io.github.statusexporter.config.mappingfile.SourceDefinition;
import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.SharedRead;
import io.github.statusexporter.source.StatusSource;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SelfMetricsTest {
  private final ExecutorService reader = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    reader.shutdownNow();
  }

  @Test
  void skipsOfMetricsNamedAfterEverChangingKeysAreCountedUnderABoundedSetOfNames()
      throws Exception {
    Path file = Files.createTempFile("mapping", ".yml");
    Files.writeString(
        file,
        "sources:\n  - url: http://localhost:8000/status\n"
            + "    metrics: [{fields: '*', prefix: app_}]\n");
    SourceDefinition definition =
        ConfigFile.load(file, Map.of(), Duration.ofSeconds(2), 10_000).get(0);
    AtomicInteger session = new AtomicInteger();
    // A session id in each key, and a name promtool would refuse (_ms): a new skipped metric each.
    StatusSource source =
        new StatusSource() {
          @Override
          public Reading read() {
            return Reading.of(Map.of("s" + session.incrementAndGet() + "_idle_ms", 5.0));
          }

          @Override
          public String describe() {
            return "http://localhost:8000/status";
          }
        };
    StatusCollector collector =
        new StatusCollector(
            List.of(
                new SourceBinding(
                    "app",
                    new SharedRead(source, Duration.ofSeconds(2), reader),
                    Mapping.of(definition.metrics(), definition.derived()),
                    10_000)),
            line -> {});

    for (int i = 0; i < SelfMetrics.MAX_SKIPPED_METRICS + 50; i++) {
      collector.collect();
    }

    Set<String> metrics = new HashSet<>();
    double counted = 0;
    for (MetricSnapshot snapshot : collector.collect()) {
      if (snapshot.getMetadata().getName().equals("status_exporter_values_skipped")) {
        for (DataPointSnapshot point : snapshot.getDataPoints()) {
          metrics.add(point.getLabels().get("metric"));
          counted += ((CounterDataPointSnapshot) point).getValue();
        }
      }
    }
    assertThat(metrics).hasSize(SelfMetrics.MAX_SKIPPED_METRICS + 1).contains("other_metrics");
    assertThat(counted).as("every skip counted").isEqualTo(SelfMetrics.MAX_SKIPPED_METRICS + 51);
  }
}
