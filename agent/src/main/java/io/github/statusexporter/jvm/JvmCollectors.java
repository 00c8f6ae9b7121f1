package io.github.statusexporter.jvm;

import io.github.statusexporter.family.InfoFamily;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.JvmNativeMemoryMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM and process metrics: every family of client_java's {@code JvmMetrics}, which registers
 * the parts below, except that the thread, memory, process, class loading, compilation, buffer pool
 * and collection families come from the agent's own {@link ThreadMetrics}, {@link MemoryMetrics},
 * {@link ProcessMetrics} and {@link JvmActivityMetrics}, which write the same families at a
 * fraction of the cost per scrape and of the classes, the allocation counter from {@link
 * MemoryPoolAllocations} (without client_java's exemplar thread) and the runtime info from {@link
 * #runtimeInfo()}. The native memory part is client_java's, only asked when the JVM tracks native
 * memory (see docs/performance.md).
 */
public final class JvmCollectors {
  private JvmCollectors() {}

  /**
   * Whether the JVM tracks its native memory ({@code -XX:NativeMemoryTracking}, off by default).
   * Without it client_java's native memory metrics have no families, but only find that out by
   * starting the platform MBean server and running a diagnostic command: measured 200 ms and 2 MB
   * of garbage at start, and the JMX classes kept in memory. The JVM's arguments say it at once:
   * they list the option wherever it was given (the command line, {@code JAVA_TOOL_OPTIONS}, {@code
   * JDK_JAVA_OPTIONS}, {@code -XX:VMOptionsFile}, {@code -XX:Flags}), and it cannot be set later.
   * Not asked of the diagnostic bean, whose search of the platform components {@link PlatformBeans}
   * avoids.
   */
  static boolean nativeMemoryTracking(RuntimeMXBean runtime) {
    if (!RuntimeModules.has(RuntimeModules.JDK_MANAGEMENT)) {
      return false; // nor has the runtime the diagnostic command client_java would ask
    }
    return RuntimeModules.tracksNativeMemory(runtime.getInputArguments());
  }

  /**
   * Registers them; touches the platform MBean server, so never on the application's thread.
   *
   * @return the families this runtime cannot give, with the module they need ({@link
   *     RuntimeModules}); {@code status_exporter_jvm_family_unavailable_info} has them too
   */
  public static Optional<String> register(PrometheusRegistry registry) {
    boolean jdkManagement = RuntimeModules.has(RuntimeModules.JDK_MANAGEMENT);
    RuntimeMXBean runtime = PlatformBeans.runtime();
    registry.register(
        new JvmActivityMetrics(
            PlatformBeans.classLoading(),
            PlatformBeans.compilation(),
            PlatformBeans.bufferPools(),
            PlatformBeans.collectors()));
    if (jdkManagement) {
      MemoryPoolAllocations.register(registry); // from the collectors' notifications, its own
    }
    registry.register(new MemoryMetrics(PlatformBeans.memory(), PlatformBeans.memoryPools()));
    if (nativeMemoryTracking(runtime)) {
      // client_java's default settings, not its global ones (as before: the relocation keeps them
      // apart from the application's anyway); only here are they loaded, at ~1 MB of garbage.
      JvmNativeMemoryMetrics.builder(PrometheusProperties.builder().build()).register(registry);
    }
    registry.register(runtimeInfo());
    registry.register(new ThreadMetrics(PlatformBeans.threads()));
    ProcessCounters processCounters = processCounters(jdkManagement);
    registry.register(new ProcessMetrics(runtime, processCounters));
    if (jdkManagement) {
      return Optional.empty();
    }
    List<String> families = new ArrayList<>();
    if (processCounters == null) {
      families.addAll(RuntimeModules.PROCESS_FAMILIES);
    }
    families.addAll(RuntimeModules.JDK_MANAGEMENT_FAMILIES);
    if (RuntimeModules.tracksNativeMemory(runtime.getInputArguments())) {
      families.addAll(RuntimeModules.NATIVE_MEMORY_FAMILIES);
    }
    registry.register(unavailable(families, RuntimeModules.JDK_MANAGEMENT));
    return Optional.of(
        "no "
            + String.join(", ", families)
            + ": this JVM has no module "
            + RuntimeModules.JDK_MANAGEMENT
            + "; for them, "
            + RuntimeModules.howToAdd(RuntimeModules.JDK_MANAGEMENT));
  }

  /**
   * From {@code /proc} on Linux, with or without {@code jdk.management} (client_java gives none of
   * these without it); else from the operating system bean, which is then made; null where neither
   * can be read.
   */
  static ProcessCounters processCounters(boolean jdkManagement) {
    ProcessCounters linux = LinuxProcessCounters.ofThisProcess(jdkManagement);
    if (linux != null) {
      return linux;
    }
    return jdkManagement
        ? new BeanProcessCounters(ManagementFactory.getOperatingSystemMXBean())
        : null;
  }

  /** {@code status_exporter_jvm_family_unavailable_info}: the families a module would give. */
  static InfoFamily unavailable(List<String> families, String module) {
    InfoFamily info =
        new InfoFamily(
            "status_exporter_jvm_family_unavailable",
            "The JVM and process families this JVM cannot give: it lacks the JDK module they"
                + " need.",
            "family",
            "module");
    for (String family : families) {
      info.add(family, module);
    }
    return info;
  }

  /** {@code jvm_runtime_info}, as client_java's {@code JvmRuntimeInfoMetric} writes it. */
  static InfoFamily runtimeInfo() {
    InfoFamily info =
        new InfoFamily("jvm_runtime", "JVM runtime info", "version", "vendor", "runtime");
    info.add(
        System.getProperty("java.runtime.version", "unknown"),
        System.getProperty("java.vm.vendor", "unknown"),
        System.getProperty("java.runtime.name", "unknown"));
    return info;
  }
}
