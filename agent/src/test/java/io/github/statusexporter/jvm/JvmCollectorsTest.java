package io.github.statusexporter.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** What users see is what client_java's JvmMetrics shows: the same families, help, series. */
class JvmCollectorsTest {
  private final PrometheusProperties properties = PrometheusProperties.builder().build();

  @Test
  void onLinuxTheProcessCountersComeFromProcNotFromTheOperatingSystemBean() {
    assumeTrue(new File("/proc/self/stat").canRead(), "not Linux");

    assertThat(JvmCollectors.processCounters(true)).isInstanceOf(LinuxProcessCounters.class);
    // Without jdk.management too (a runtime made with jlink), which has the bean.
    assertThat(JvmCollectors.processCounters(false)).isInstanceOf(LinuxProcessCounters.class);
  }

  @Test
  void everyFamilyAndSeriesOfClientJavasJvmMetricsIsWrittenTheSameWay() throws IOException {
    PrometheusRegistry clientJava = clientJavas();
    PrometheusRegistry agent = agents();

    // Allocations are counted from the GCs after registering: one between the two would differ.
    Predicate<String> comparable = name -> !name.startsWith("jvm_memory_pool_allocated_bytes");
    MetricSnapshots expected = clientJava.scrape(comparable);
    MetricSnapshots actual = agent.scrape(comparable);

    assertThat(withoutValues(text(actual))).isEqualTo(withoutValues(text(expected)));
    assertThat(withoutValues(openMetrics(actual))).isEqualTo(withoutValues(openMetrics(expected)));
  }

  @Test
  void allocationsAreCountedPerPoolUnderClientJavasNameAndHelp() throws Exception {
    PrometheusRegistry clientJava = clientJavas();
    PrometheusRegistry agent = agents();
    Predicate<String> allocations = name -> name.startsWith("jvm_memory_pool_allocated_bytes");

    System.gc(); // the counters move at collections; notifications come a moment later
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (agent.scrape(allocations).get(0).getDataPoints().isEmpty()
        || clientJava.scrape(allocations).get(0).getDataPoints().isEmpty()) {
      assertThat(System.nanoTime()).as("a collection's notification").isLessThan(deadline);
      Thread.sleep(10);
    }

    // The same name, type and help, and a series for each pool client_java counts in: client_java's
    // registry, made first, may have heard of one more collection (one between the two were made),
    // and a pool appears once a collection has seen it grow.
    String ours = withoutValues(openMetrics(agent.scrape(allocations)));
    String theirs = withoutValues(openMetrics(clientJava.scrape(allocations)));
    assertThat(ours).contains("jvm_memory_pool_allocated_bytes_total{pool=");
    assertThat(theirs.lines()).containsAll(ours.lines().toList());
  }

  @Test
  void nativeMemoryTrackingIsOffUnlessTheJvmWasToldToTrackIt() {
    // Surefire starts this JVM without -XX:NativeMemoryTracking.
    assertThat(JvmCollectors.nativeMemoryTracking(ManagementFactory.getRuntimeMXBean())).isFalse();
  }

  private PrometheusRegistry clientJavas() {
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmMetrics.builder(properties).register(registry);
    return registry;
  }

  private PrometheusRegistry agents() {
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmCollectors.register(registry);
    return registry;
  }

  private static String text(MetricSnapshots snapshots) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String openMetrics(MetricSnapshots snapshots) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenMetricsTextFormatWriter.create().write(out, snapshots);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Sample values move between two scrapes; names, labels, help, types and units must not. */
  private static String withoutValues(String exposition) {
    return exposition.replaceAll("(?m)^([^#].*) \\S+$", "$1 <value>");
  }
}
