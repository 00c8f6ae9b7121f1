package io.github.statusexporter.jvm;

import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.lang.management.RuntimeMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code process_*} families of client_java's {@code ProcessMetrics}, with the same names,
 * help, units and values. client_java 1.10 reaches the CPU time and file descriptor counts by
 * reflection on the JDK's non-exported {@code OperatingSystemImpl}, which throws and catches an
 * {@code IllegalAccessException} for each value, and reads {@code /proc/self/status} once per
 * value: measured 190 µs and 71 KB per scrape, more than all other JVM metrics together. Here the
 * same values come from {@link ProcessCounters} (on Linux, {@code /proc/self} without the bean) and
 * one read of the file. A runtime without the module {@code jdk.management} ({@link
 * RuntimeModules}) has the CPU time and file descriptor counts on Linux only, from {@code /proc}
 * (client_java has none there); the other families are written.
 */
final class ProcessMetrics extends SelectiveCollector {
  private static final Family CPU =
      Family.counter(
          "process_cpu_seconds", "Total user and system CPU time spent in seconds.", Unit.SECONDS);
  private static final Family START =
      Family.gauge(
          "process_start_time_seconds",
          "Start time of the process since unix epoch in seconds.",
          Unit.SECONDS);
  private static final Family OPEN_FDS =
      Family.gauge("process_open_fds", "Number of open file descriptors.", null);
  private static final Family MAX_FDS =
      Family.gauge("process_max_fds", "Maximum number of open file descriptors.", null);
  private static final Family VIRTUAL =
      Family.gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.", Unit.BYTES);
  private static final Family RESIDENT =
      Family.gauge("process_resident_memory_bytes", "Resident memory size in bytes.", Unit.BYTES);

  private final RuntimeMXBean runtime;
  private final ProcStatus status;

  /**
   * The CPU time and file descriptors; null where neither {@code /proc} nor the bean gives them.
   */
  private final ProcessCounters counters;

  /**
   * As client_java: the memory families only where {@code /proc/self/status} can be read.
   *
   * @param counters null in a runtime without the module {@code jdk.management} and without {@code
   *     /proc}: no CPU time and no file descriptors there, and {@code
   *     status_exporter_jvm_family_unavailable_info} says so
   */
  ProcessMetrics(RuntimeMXBean runtime, ProcessCounters counters) {
    this.runtime = runtime;
    this.counters = counters;
    ProcStatus status = new ProcStatus();
    this.status = status.read() ? status : null;
  }

  @Override
  public List<MetricFamilyDescriptor> getMetricFamilyDescriptors() {
    List<MetricFamilyDescriptor> descriptors = new ArrayList<>(6);
    for (Family family : families()) {
      descriptors.add(family.descriptor());
    }
    return descriptors;
  }

  private List<Family> families() {
    List<Family> families = new ArrayList<>(6);
    if (counters != null && counters.hasCpu()) {
      families.add(CPU);
    }
    families.add(START);
    if (counters != null && counters.hasFileDescriptors()) {
      families.add(OPEN_FDS);
      families.add(MAX_FDS);
    }
    if (status != null) {
      families.add(VIRTUAL);
      families.add(RESIDENT);
    }
    return families;
  }

  @Override
  public MetricSnapshots collect(Predicate<String> includedNames) {
    List<MetricSnapshot> snapshots = new ArrayList<>(6);
    if (counters != null && CPU.wanted(includedNames)) {
      long nanos = counters.cpuNanos();
      if (nanos >= 0) {
        snapshots.add(CPU.counter(Unit.nanosToSeconds(nanos)));
      }
    }
    if (START.wanted(includedNames)) {
      snapshots.add(START.gauge(Unit.millisToSeconds(runtime.getStartTime())));
    }
    if (counters != null && OPEN_FDS.wanted(includedNames)) {
      addIfRead(snapshots, OPEN_FDS, counters.openFileDescriptors());
    }
    if (counters != null && MAX_FDS.wanted(includedNames)) {
      addIfRead(snapshots, MAX_FDS, counters.maxFileDescriptors());
    }
    if (status != null && (VIRTUAL.wanted(includedNames) || RESIDENT.wanted(includedNames))) {
      addMemory(snapshots, includedNames);
    }
    return new MetricSnapshots(snapshots);
  }

  /** A gauge unless its value could not be read this time (-1). */
  private static void addIfRead(List<MetricSnapshot> snapshots, Family family, long value) {
    if (value >= 0) {
      snapshots.add(family.gauge(value));
    }
  }

  private void addMemory(List<MetricSnapshot> snapshots, Predicate<String> includedNames) {
    long virtualKib;
    long residentKib;
    synchronized (status) {
      if (!status.read()) {
        return;
      }
      virtualKib = status.kibibytes("VmSize:");
      residentKib = status.kibibytes("VmRSS:");
    }
    if (virtualKib >= 0 && VIRTUAL.wanted(includedNames)) {
      snapshots.add(VIRTUAL.gauge(Unit.kiloBytesToBytes(virtualKib)));
    }
    if (residentKib >= 0 && RESIDENT.wanted(includedNames)) {
      snapshots.add(RESIDENT.gauge(Unit.kiloBytesToBytes(residentKib)));
    }
  }
}
