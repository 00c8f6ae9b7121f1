package io.github.statusexporter.jvm;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.OperatingSystemMXBean;

/**
 * The counters from the {@code com.sun.management} views of the operating system bean, where there
 * is no {@code /proc}. A class of its own, made only where the module {@code jdk.management} is:
 * the JVM resolves the module's types as the code naming them first runs, and in a runtime without
 * it each scrape would fail on a {@code NoClassDefFoundError}.
 */
final class BeanProcessCounters implements ProcessCounters {
  private final com.sun.management.OperatingSystemMXBean cpu;
  private final UnixOperatingSystemMXBean unix;

  BeanProcessCounters(OperatingSystemMXBean os) {
    this.cpu =
        os instanceof com.sun.management.OperatingSystemMXBean
            ? (com.sun.management.OperatingSystemMXBean) os
            : null;
    this.unix = os instanceof UnixOperatingSystemMXBean ? (UnixOperatingSystemMXBean) os : null;
  }

  @Override
  public boolean hasCpu() {
    return cpu != null;
  }

  @Override
  public boolean hasFileDescriptors() {
    return unix != null;
  }

  @Override
  public long cpuNanos() {
    return cpu == null ? -1 : cpu.getProcessCpuTime();
  }

  @Override
  public long openFileDescriptors() {
    return unix == null ? -1 : unix.getOpenFileDescriptorCount();
  }

  @Override
  public long maxFileDescriptors() {
    return unix == null ? -1 : unix.getMaxFileDescriptorCount();
  }
}
