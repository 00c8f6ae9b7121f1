package io.github.statusexporter.jvm;

/**
 * The process's CPU time and file descriptors, which only the module {@code jdk.management}'s
 * {@code com.sun.management} beans give in Java ({@link BeanProcessCounters}); on Linux, read from
 * {@code /proc} instead ({@link LinuxProcessCounters}), without the bean, whose making reads the
 * container's cgroup files (~0.9 MB of garbage and 37 classes at the first scrape, on jwebserver).
 * Each value is -1 when it cannot be read now.
 */
interface ProcessCounters {
  boolean hasCpu();

  boolean hasFileDescriptors();

  /** User and system CPU time of all the process's threads so far, in nanoseconds. */
  long cpuNanos();

  long openFileDescriptors();

  /** The soft limit on open file descriptors. */
  long maxFileDescriptors();
}
