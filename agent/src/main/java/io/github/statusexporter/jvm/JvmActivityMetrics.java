package io.github.statusexporter.jvm;

import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the JVM did since it started: the families of client_java's {@code JvmClassLoadingMetrics},
 * {@code JvmCompilationMetrics}, {@code JvmBufferPoolMetrics} and {@code
 * JvmGarbageCollectorMetrics}, with the same names, help, units, labels and values. One class
 * instead of their ~26 (builders, metrics, callbacks) and 8 lambdas, each linked at start.
 */
final class JvmActivityMetrics extends SelectiveCollector {
  private static final Family CLASSES_LOADED_NOW =
      Family.gauge(
          "jvm_classes_currently_loaded",
          "The number of classes that are currently loaded in the JVM",
          null);
  private static final Family CLASSES_LOADED =
      Family.counter(
          "jvm_classes_loaded",
          "The total number of classes that have been loaded since the JVM has started execution",
          null);
  private static final Family CLASSES_UNLOADED =
      Family.counter(
          "jvm_classes_unloaded",
          "The total number of classes that have been unloaded since the JVM has started"
              + " execution",
          null);
  private static final Family COMPILATION =
      Family.counter(
          "jvm_compilation_time_seconds",
          "The total time in seconds taken for HotSpot class compilation",
          Unit.SECONDS);
  private static final Family BUFFER_BYTES =
      Family.gauge(
          "jvm_buffer_pool_used_bytes", "Used bytes of a given JVM buffer pool.", Unit.BYTES);
  private static final Family BUFFER_CAPACITY =
      Family.gauge(
          "jvm_buffer_pool_capacity_bytes",
          "Bytes capacity of a given JVM buffer pool.",
          Unit.BYTES);
  private static final Family BUFFERS =
      Family.gauge(
          "jvm_buffer_pool_used_buffers", "Used buffers of a given JVM buffer pool.", null);

  // client_java's summary of the collectors' counts and times, without quantiles.
  private static final String GC_NAME = "jvm_gc_collection_seconds";
  private static final String GC_HELP = "Time spent in a given JVM garbage collector in seconds.";

  private static final String POOL_LABEL = "pool";
  private static final String GC_LABEL = "gc";

  private final ClassLoadingMXBean classLoading;

  /** Null where the JVM does not time its compilations (client_java then has no family). */
  private final CompilationMXBean compilation;

  private final List<BufferPoolMXBean> bufferPools;
  private final Labels[] bufferPoolLabels;
  private final List<GarbageCollectorMXBean> collectors;
  private final Labels[] collectorLabels;

  JvmActivityMetrics(
      ClassLoadingMXBean classLoading,
      CompilationMXBean compilation,
      List<BufferPoolMXBean> bufferPools,
      List<GarbageCollectorMXBean> collectors) {
    this.classLoading = classLoading;
    this.compilation =
        compilation != null && compilation.isCompilationTimeMonitoringSupported()
            ? compilation
            : null;
    this.bufferPools = List.copyOf(bufferPools);
    this.bufferPoolLabels = new Labels[this.bufferPools.size()];
    for (int i = 0; i < bufferPoolLabels.length; i++) {
      bufferPoolLabels[i] = Labels.of(POOL_LABEL, this.bufferPools.get(i).getName());
    }
    this.collectors = List.copyOf(collectors);
    this.collectorLabels = new Labels[this.collectors.size()];
    for (int i = 0; i < collectorLabels.length; i++) {
      collectorLabels[i] = Labels.of(GC_LABEL, this.collectors.get(i).getName());
    }
  }

  @Override
  public List<MetricFamilyDescriptor> getMetricFamilyDescriptors() {
    List<MetricFamilyDescriptor> descriptors = new ArrayList<>(8);
    descriptors.add(CLASSES_LOADED_NOW.descriptor());
    descriptors.add(CLASSES_LOADED.descriptor());
    descriptors.add(CLASSES_UNLOADED.descriptor());
    if (compilation != null) {
      descriptors.add(COMPILATION.descriptor());
    }
    descriptors.add(BUFFER_BYTES.descriptor(POOL_LABEL));
    descriptors.add(BUFFER_CAPACITY.descriptor(POOL_LABEL));
    descriptors.add(BUFFERS.descriptor(POOL_LABEL));
    descriptors.add(
        MetricFamilyDescriptor.of(MetricType.SUMMARY, GC_NAME)
            .help(GC_HELP)
            .unit(Unit.SECONDS)
            .labelNames(GC_LABEL)
            .build());
    return descriptors;
  }

  @Override
  public MetricSnapshots collect(Predicate<String> includedNames) {
    List<MetricSnapshot> snapshots = new ArrayList<>(8);
    if (CLASSES_LOADED_NOW.wanted(includedNames)) {
      snapshots.add(CLASSES_LOADED_NOW.gauge(classLoading.getLoadedClassCount()));
    }
    if (CLASSES_LOADED.wanted(includedNames)) {
      snapshots.add(CLASSES_LOADED.counter(classLoading.getTotalLoadedClassCount()));
    }
    if (CLASSES_UNLOADED.wanted(includedNames)) {
      snapshots.add(CLASSES_UNLOADED.counter(classLoading.getUnloadedClassCount()));
    }
    if (compilation != null && COMPILATION.wanted(includedNames)) {
      snapshots.add(
          COMPILATION.counter(Unit.millisToSeconds(compilation.getTotalCompilationTime())));
    }
    addBufferPools(snapshots, BUFFER_BYTES, includedNames);
    addBufferPools(snapshots, BUFFER_CAPACITY, includedNames);
    addBufferPools(snapshots, BUFFERS, includedNames);
    if (includedNames == null || includedNames.test(GC_NAME)) {
      snapshots.add(collections());
    }
    return new MetricSnapshots(snapshots);
  }

  private void addBufferPools(
      List<MetricSnapshot> snapshots, Family family, Predicate<String> includedNames) {
    if (!family.wanted(includedNames)) {
      return;
    }
    GaugeSnapshot.Builder gauge = family.gaugeBuilder();
    for (int i = 0; i < bufferPoolLabels.length; i++) {
      gauge.dataPoint(
          GaugeDataPointSnapshot.builder()
              .labels(bufferPoolLabels[i])
              .value(figure(family, bufferPools.get(i)))
              .build());
    }
    snapshots.add(gauge.build());
  }

  /** A family's figure of a pool (a method reference would be a lambda class linked on use). */
  private static long figure(Family family, BufferPoolMXBean pool) {
    if (family == BUFFER_BYTES) {
      return pool.getMemoryUsed();
    }
    return family == BUFFER_CAPACITY ? pool.getTotalCapacity() : pool.getCount();
  }

  private SummarySnapshot collections() {
    SummarySnapshot.Builder summary =
        SummarySnapshot.builder().name(GC_NAME).help(GC_HELP).unit(Unit.SECONDS);
    for (int i = 0; i < collectorLabels.length; i++) {
      GarbageCollectorMXBean collector = collectors.get(i);
      summary.dataPoint(
          SummaryDataPointSnapshot.builder()
              .labels(collectorLabels[i])
              .count(collector.getCollectionCount())
              .sum(Unit.millisToSeconds(collector.getCollectionTime()))
              .quantiles(Quantiles.EMPTY)
              .build());
    }
    return summary.build();
  }
}
