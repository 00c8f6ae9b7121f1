package io.github.statusexporter.jvm;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.JvmBufferPoolMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmClassLoadingMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmCompilationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryPoolAllocationMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmNativeMemoryMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmRuntimeInfoMetric;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;

/**
 * The JVM and process metrics: every family of client_java's {@code JvmMetrics}, which registers
 * the parts below, except that the thread and process families come from the agent's own {@link
 * ThreadMetrics} and {@link ProcessMetrics}, which write the same families at a fraction of the
 * cost per scrape (see docs/performance.md).
 */
public final class JvmCollectors {
  private JvmCollectors() {}

  /** Registers them; touches the platform MBean server, so never on the application's thread. */
  public static void register(PrometheusProperties properties, PrometheusRegistry registry) {
    JvmBufferPoolMetrics.builder(properties).register(registry);
    JvmClassLoadingMetrics.builder(properties).register(registry);
    JvmCompilationMetrics.builder(properties).register(registry);
    JvmGarbageCollectorMetrics.builder(properties).register(registry);
    JvmMemoryPoolAllocationMetrics.builder(properties).register(registry);
    JvmMemoryMetrics.builder(properties).register(registry);
    JvmNativeMemoryMetrics.builder(properties).register(registry);
    JvmRuntimeInfoMetric.builder(properties).register(registry);
    registry.register(new ThreadMetrics(ManagementFactory.getThreadMXBean()));
    registry.register(
        new ProcessMetrics(
            ManagementFactory.getOperatingSystemMXBean(), ManagementFactory.getRuntimeMXBean()));
  }
}
