package io.github.statusexporter.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics.Builder;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The same values as client_java's ProcessMetrics, read a moment apart. */
class ProcessMetricsTest {
  private final ProcessMetrics metrics =
      new ProcessMetrics(
          ManagementFactory.getOperatingSystemMXBean(), ManagementFactory.getRuntimeMXBean());

  @Test
  void valuesAgreeWithClientJavasProcessMetrics() {
    PrometheusRegistry clientJava = new PrometheusRegistry();
    Builder builder =
        io.prometheus.metrics.instrumentation.jvm.ProcessMetrics.builder(
            PrometheusProperties.builder().build());
    builder.register(clientJava);

    MetricSnapshots expected = clientJava.scrape();
    MetricSnapshots actual = metrics.collect();

    assertThat(value(actual, "process_start_time_seconds"))
        .isEqualTo(value(expected, "process_start_time_seconds"));
    assertThat(value(actual, "process_max_fds")).isEqualTo(value(expected, "process_max_fds"));
    assertThat(value(actual, "process_open_fds"))
        .isCloseTo(value(expected, "process_open_fds"), within(5.0));
    assertThat(value(actual, "process_cpu_seconds"))
        .isGreaterThanOrEqualTo(value(expected, "process_cpu_seconds"));
    assertThat(value(actual, "process_resident_memory_bytes"))
        .isCloseTo(value(expected, "process_resident_memory_bytes"), within(16.0 * 1024 * 1024));
    assertThat(value(actual, "process_virtual_memory_bytes")).isPositive();
  }

  @Test
  void aScrapeAskingForOneFamilyGetsOnlyThatOne() {
    MetricSnapshots snapshots = metrics.collect(name -> name.equals("process_open_fds"));

    assertThat(snapshots.size()).isEqualTo(1);
    assertThat(value(snapshots, "process_open_fds")).isPositive();
  }

  private static double value(MetricSnapshots snapshots, String name) {
    for (MetricSnapshot snapshot : snapshots) {
      if (snapshot.getMetadata().getPrometheusName().equals(name)) {
        DataPointSnapshot point = snapshot.getDataPoints().get(0);
        return point instanceof GaugeDataPointSnapshot
            ? ((GaugeDataPointSnapshot) point).getValue()
            : ((CounterDataPointSnapshot) point).getValue();
      }
    }
    throw new AssertionError("no " + name + " in " + snapshots);
  }
}
