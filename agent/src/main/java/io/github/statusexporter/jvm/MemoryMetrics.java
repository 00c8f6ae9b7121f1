package io.github.statusexporter.jvm;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code jvm_memory_*} families of client_java's {@code JvmMemoryMetrics}, with the same names,
 * help, labels and values, for less:
 *
 * <ul>
 *   <li>Per scrape, client_java asks each usage once per family: the heap's and non-heap's four
 *       times each (each a walk over the pools in the JVM) and each pool's eight times. Here each
 *       is asked once, and the four figures of one usage come from the same moment.
 *   <li>At start, client_java's thirteen callbacks are lambdas, each linked into a class of its own
 *       (on JDK 25 ~27 KB of garbage and ~0.3 ms each); these are one class.
 * </ul>
 */
final class MemoryMetrics extends SelectiveCollector {
  /** One of the four figures of a {@link MemoryUsage}. */
  private enum Figure {
    USED,
    COMMITTED,
    MAX,
    INIT;

    long of(MemoryUsage usage) {
      switch (this) {
        case USED:
          return usage.getUsed();
        case COMMITTED:
          return usage.getCommitted();
        case MAX:
          return usage.getMax();
        default:
          return usage.getInit();
      }
    }
  }

  private static final Figure[] FIGURES = Figure.values();

  private static final Family PENDING_FINALIZATION =
      Family.gauge(
          "jvm_memory_objects_pending_finalization",
          "The number of objects waiting in the finalizer queue.",
          null);

  /** By figure: heap and non-heap. */
  private static final Family[] AREA = {
    bytes("jvm_memory_used_bytes", "Used bytes of a given JVM memory area."),
    bytes("jvm_memory_committed_bytes", "Committed (bytes) of a given JVM memory area."),
    bytes("jvm_memory_max_bytes", "Max (bytes) of a given JVM memory area."),
    bytes("jvm_memory_init_bytes", "Initial bytes of a given JVM memory area.")
  };

  /** By figure: each pool's usage now. */
  private static final Family[] POOL = {
    bytes("jvm_memory_pool_used_bytes", "Used bytes of a given JVM memory pool."),
    bytes("jvm_memory_pool_committed_bytes", "Committed bytes of a given JVM memory pool."),
    bytes("jvm_memory_pool_max_bytes", "Max bytes of a given JVM memory pool."),
    bytes("jvm_memory_pool_init_bytes", "Initial bytes of a given JVM memory pool.")
  };

  /** By figure: each pool's usage after the last collection, for the pools that have one. */
  private static final Family[] POOL_COLLECTION = {
    bytes(
        "jvm_memory_pool_collection_used_bytes",
        "Used bytes after last collection of a given JVM memory pool."),
    bytes(
        "jvm_memory_pool_collection_committed_bytes",
        "Committed after last collection bytes of a given JVM memory pool."),
    bytes(
        "jvm_memory_pool_collection_max_bytes",
        "Max bytes after last collection of a given JVM memory pool."),
    bytes(
        "jvm_memory_pool_collection_init_bytes",
        "Initial after last collection bytes of a given JVM memory pool.")
  };

  private static final String AREA_LABEL = "area";
  private static final String POOL_LABEL = "pool";
  private static final Labels HEAP = Labels.of(AREA_LABEL, "heap");
  private static final Labels NON_HEAP = Labels.of(AREA_LABEL, "nonheap");

  private final MemoryMXBean memory;
  private final List<MemoryPoolMXBean> pools;

  /** By pool, as {@link #pools}: the pool label, made once. */
  private final Labels[] poolLabels;

  MemoryMetrics(MemoryMXBean memory, List<MemoryPoolMXBean> pools) {
    this.memory = memory;
    this.pools = List.copyOf(pools);
    this.poolLabels = new Labels[this.pools.size()];
    for (int i = 0; i < poolLabels.length; i++) {
      poolLabels[i] = Labels.of(POOL_LABEL, this.pools.get(i).getName());
    }
  }

  private static Family bytes(String name, String help) {
    return Family.gauge(name, help, Unit.BYTES);
  }

  @Override
  public List<MetricFamilyDescriptor> getMetricFamilyDescriptors() {
    List<MetricFamilyDescriptor> descriptors = new ArrayList<>(13);
    descriptors.add(PENDING_FINALIZATION.descriptor());
    for (Family family : AREA) {
      descriptors.add(family.descriptor(AREA_LABEL));
    }
    for (Family family : POOL) {
      descriptors.add(family.descriptor(POOL_LABEL));
    }
    for (Family family : POOL_COLLECTION) {
      descriptors.add(family.descriptor(POOL_LABEL));
    }
    return descriptors;
  }

  /** Only what the scrape asks for, and each usage asked once. */
  @Override
  public MetricSnapshots collect(Predicate<String> includedNames) {
    List<MetricSnapshot> snapshots = new ArrayList<>(13);
    if (PENDING_FINALIZATION.wanted(includedNames)) {
      snapshots.add(PENDING_FINALIZATION.gauge(memory.getObjectPendingFinalizationCount()));
    }
    if (anyWanted(AREA, includedNames)) {
      MemoryUsage heap = memory.getHeapMemoryUsage();
      MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
      for (Figure figure : FIGURES) {
        Family family = AREA[figure.ordinal()];
        if (family.wanted(includedNames)) {
          snapshots.add(
              family
                  .gaugeBuilder()
                  .dataPoint(point(HEAP, figure.of(heap)))
                  .dataPoint(point(NON_HEAP, figure.of(nonHeap)))
                  .build());
        }
      }
    }
    if (anyWanted(POOL, includedNames)) {
      addPools(snapshots, POOL, usages(false), includedNames);
    }
    if (anyWanted(POOL_COLLECTION, includedNames)) {
      addPools(snapshots, POOL_COLLECTION, usages(true), includedNames);
    }
    return new MetricSnapshots(snapshots);
  }

  /** Each pool's usage, now or after its last collection; null where the pool has none. */
  private MemoryUsage[] usages(boolean afterCollection) {
    MemoryUsage[] usages = new MemoryUsage[pools.size()];
    for (int i = 0; i < usages.length; i++) {
      MemoryPoolMXBean pool = pools.get(i);
      usages[i] = afterCollection ? pool.getCollectionUsage() : pool.getUsage();
    }
    return usages;
  }

  private void addPools(
      List<MetricSnapshot> snapshots,
      Family[] families,
      MemoryUsage[] usages,
      Predicate<String> includedNames) {
    for (Figure figure : FIGURES) {
      Family family = families[figure.ordinal()];
      if (!family.wanted(includedNames)) {
        continue;
      }
      GaugeSnapshot.Builder gauge = family.gaugeBuilder();
      for (int i = 0; i < usages.length; i++) {
        if (usages[i] != null) {
          gauge.dataPoint(point(poolLabels[i], figure.of(usages[i])));
        }
      }
      snapshots.add(gauge.build());
    }
  }

  private static boolean anyWanted(Family[] families, Predicate<String> includedNames) {
    for (Family family : families) {
      if (family.wanted(includedNames)) {
        return true;
      }
    }
    return false;
  }

  private static GaugeDataPointSnapshot point(Labels labels, long value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }
}
