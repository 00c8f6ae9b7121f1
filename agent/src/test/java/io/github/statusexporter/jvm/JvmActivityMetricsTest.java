package io.github.statusexporter.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The values, from beans whose figures are known (JvmCollectorsTest compares the rest). */
class JvmActivityMetricsTest {
  private final JvmActivityMetrics metrics =
      new JvmActivityMetrics(
          new Classes(), new Compilation(true), List.of(new Pool()), List.of(new Collector()));

  @Test
  void eachFamilyHoldsItsBeansFigures() throws IOException {
    assertThat(text(metrics.collect()))
        .isEqualTo(
            """
            # HELP jvm_buffer_pool_capacity_bytes Bytes capacity of a given JVM buffer pool.
            # TYPE jvm_buffer_pool_capacity_bytes gauge
            jvm_buffer_pool_capacity_bytes{pool="direct"} 2048.0
            # HELP jvm_buffer_pool_used_buffers Used buffers of a given JVM buffer pool.
            # TYPE jvm_buffer_pool_used_buffers gauge
            jvm_buffer_pool_used_buffers{pool="direct"} 3.0
            # HELP jvm_buffer_pool_used_bytes Used bytes of a given JVM buffer pool.
            # TYPE jvm_buffer_pool_used_bytes gauge
            jvm_buffer_pool_used_bytes{pool="direct"} 1024.0
            # HELP jvm_classes_currently_loaded The number of classes that are currently loaded in the JVM
            # TYPE jvm_classes_currently_loaded gauge
            jvm_classes_currently_loaded 900.0
            # HELP jvm_classes_loaded_total The total number of classes that have been loaded since the JVM has started execution
            # TYPE jvm_classes_loaded_total counter
            jvm_classes_loaded_total 1000.0
            # HELP jvm_classes_unloaded_total The total number of classes that have been unloaded since the JVM has started execution
            # TYPE jvm_classes_unloaded_total counter
            jvm_classes_unloaded_total 100.0
            # HELP jvm_compilation_time_seconds_total The total time in seconds taken for HotSpot class compilation
            # TYPE jvm_compilation_time_seconds_total counter
            jvm_compilation_time_seconds_total 1.5
            # HELP jvm_gc_collection_seconds Time spent in a given JVM garbage collector in seconds.
            # TYPE jvm_gc_collection_seconds summary
            jvm_gc_collection_seconds_count{gc="G1 Young Generation"} 7
            jvm_gc_collection_seconds_sum{gc="G1 Young Generation"} 0.25
            """);
  }

  @Test
  void aScrapeGetsOnlyTheFamiliesItAsksForAndNoCompilationTimeWhereTheJvmHasNone()
      throws IOException {
    JvmActivityMetrics untimed =
        new JvmActivityMetrics(
            new Classes(), new Compilation(false), List.of(new Pool()), List.of(new Collector()));
    assertThat(text(untimed.collect())).doesNotContain("jvm_compilation");
    assertThat(untimed.getMetricFamilyDescriptors())
        .noneMatch(family -> family.getPrometheusName().startsWith("jvm_compilation"));
    assertThat(
            text(
                metrics.collect(
                    name ->
                        name.equals("jvm_gc_collection_seconds")
                            || name.equals("jvm_classes_loaded"))))
        .contains("jvm_gc_collection_seconds_count")
        .contains("jvm_classes_loaded_total 1000.0")
        .doesNotContain("jvm_buffer_pool")
        .doesNotContain("jvm_classes_unloaded");
  }

  private static String text(MetricSnapshots snapshots) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static final class Classes implements ClassLoadingMXBean {
    @Override
    public long getTotalLoadedClassCount() {
      return 1000;
    }

    @Override
    public int getLoadedClassCount() {
      return 900;
    }

    @Override
    public long getUnloadedClassCount() {
      return 100;
    }

    @Override
    public boolean isVerbose() {
      return false;
    }

    @Override
    public void setVerbose(boolean value) {}

    @Override
    public ObjectName getObjectName() {
      return null;
    }
  }

  private static final class Compilation implements CompilationMXBean {
    private final boolean timed;

    Compilation(boolean timed) {
      this.timed = timed;
    }

    @Override
    public String getName() {
      return "C2";
    }

    @Override
    public boolean isCompilationTimeMonitoringSupported() {
      return timed;
    }

    @Override
    public long getTotalCompilationTime() {
      return 1500;
    }

    @Override
    public ObjectName getObjectName() {
      return null;
    }
  }

  private static final class Pool implements BufferPoolMXBean {
    @Override
    public String getName() {
      return "direct";
    }

    @Override
    public long getCount() {
      return 3;
    }

    @Override
    public long getTotalCapacity() {
      return 2048;
    }

    @Override
    public long getMemoryUsed() {
      return 1024;
    }

    @Override
    public ObjectName getObjectName() {
      return null;
    }
  }

  private static final class Collector implements GarbageCollectorMXBean {
    @Override
    public long getCollectionCount() {
      return 7;
    }

    @Override
    public long getCollectionTime() {
      return 250;
    }

    @Override
    public String getName() {
      return "G1 Young Generation";
    }

    @Override
    public boolean isValid() {
      return true;
    }

    @Override
    public String[] getMemoryPoolNames() {
      return new String[0];
    }

    @Override
    public ObjectName getObjectName() {
      return null;
    }
  }
}
