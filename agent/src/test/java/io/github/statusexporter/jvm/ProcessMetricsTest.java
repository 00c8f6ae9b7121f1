package io.github.statusexporter.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics.Builder;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same values as client_java's ProcessMetrics, read a moment apart. */
class ProcessMetricsTest {
  private final ProcessMetrics metrics =
      new ProcessMetrics(
          ManagementFactory.getRuntimeMXBean(),
          new BeanProcessCounters(ManagementFactory.getOperatingSystemMXBean()));

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
  void onLinuxTheCountersFromProcGiveTheSameFamilies() {
    LinuxProcessCounters linux = LinuxProcessCounters.ofThisProcess(true);
    assumeTrue(linux != null, "not Linux");
    ProcessMetrics fromProc = new ProcessMetrics(ManagementFactory.getRuntimeMXBean(), linux);

    assertThat(names(fromProc.collect())).isEqualTo(names(metrics.collect()));
    assertThat(value(fromProc.collect(), "process_max_fds"))
        .isEqualTo(value(metrics.collect(), "process_max_fds"));
  }

  @Test
  void aScrapeAskingForOneFamilyGetsOnlyThatOne() {
    MetricSnapshots snapshots = metrics.collect(name -> name.equals("process_open_fds"));

    assertThat(snapshots.size()).isEqualTo(1);
    assertThat(value(snapshots, "process_open_fds")).isPositive();
  }

  @Test
  void withoutTheModuleJdkManagementTheOtherFamiliesAreWritten() {
    ProcessMetrics withoutExtensions =
        new ProcessMetrics(ManagementFactory.getRuntimeMXBean(), null);

    assertThat(names(withoutExtensions.collect()))
        .containsExactlyInAnyOrder(
            "process_start_time_seconds",
            "process_virtual_memory_bytes",
            "process_resident_memory_bytes");
    assertThat(withoutExtensions.getMetricFamilyDescriptors())
        .extracting(descriptor -> descriptor.getMetadata().getPrometheusName())
        .containsExactly(
            "process_start_time_seconds",
            "process_virtual_memory_bytes",
            "process_resident_memory_bytes");
    assertThat(names(metrics.collect()))
        .containsExactlyInAnyOrder(
            "process_cpu_seconds",
            "process_start_time_seconds",
            "process_open_fds",
            "process_max_fds",
            "process_virtual_memory_bytes",
            "process_resident_memory_bytes");
  }

  private static List<String> names(MetricSnapshots snapshots) {
    List<String> names = new ArrayList<>();
    for (MetricSnapshot snapshot : snapshots) {
      names.add(snapshot.getMetadata().getPrometheusName());
    }
    return names;
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
