package io.github.statusexporter.jvm;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.JvmNativeMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM and process metrics: every family of client_java's {@code JvmMetrics}, which registers
 * the parts below, except that the thread, memory, process, class loading, compilation, buffer pool
 * and collection families come from the agent's own {@link ThreadMetrics}, {@link MemoryMetrics},
 * {@link ProcessMetrics} and {@link JvmActivityMetrics}, which write the same families at a
 * fraction of the cost per scrape and of the classes, the allocation counter from {@link
 * MemoryPoolAllocations} (without client_java's exemplar thread), and the native memory part is
 * only asked when the JVM tracks native memory (see docs/performance.md).
 */
public final class JvmCollectors {
  private JvmCollectors() {}

  /**
   * Whether the JVM tracks its native memory ({@code -XX:NativeMemoryTracking}, off by default).
   * Without it client_java's native memory metrics have no families, but only find that out by
   * starting the platform MBean server and running a diagnostic command: measured 200 ms and 2 MB
   * of garbage at start, and the JMX classes kept in memory. The VM option says it at once.
   */
  static boolean nativeMemoryTracking() {
    try {
      String tracking =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
              .getVMOption("NativeMemoryTracking")
              .getValue();
      return !"off".equals(tracking);
    } catch (RuntimeException | LinkageError notHotSpot) {
      return true; // let client_java find out, as before
    }
  }

  /** Registers them; touches the platform MBean server, so never on the application's thread. */
  public static void register(PrometheusProperties properties, PrometheusRegistry registry) {
    registry.register(
        new JvmActivityMetrics(
            ManagementFactory.getClassLoadingMXBean(),
            ManagementFactory.getCompilationMXBean(),
            ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class),
            ManagementFactory.getGarbageCollectorMXBeans()));
    MemoryPoolAllocations.register(properties, registry);
    registry.register(
        new MemoryMetrics(
            ManagementFactory.getMemoryMXBean(), ManagementFactory.getMemoryPoolMXBeans()));
    if (nativeMemoryTracking()) {
      JvmNativeMemoryMetrics.builder(properties).register(registry);
    }
    JvmRuntimeInfoMetric.builder(properties).register(registry);
    registry.register(new ThreadMetrics(ManagementFactory.getThreadMXBean()));
    registry.register(
        new ProcessMetrics(
            ManagementFactory.getOperatingSystemMXBean(), ManagementFactory.getRuntimeMXBean()));
  }
}
