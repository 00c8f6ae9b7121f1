package io.github.statusexporter.instrumentation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * The process's CPU time from Linux's {@code /proc/self/stat}: the JDK's own counter is behind the
 * management API, which an application server may still have to set up when this is read.
 */
final class ProcessCpu {
  /** The kernel's unit for CPU times there, USER_HZ: 100 per second on every Linux. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private ProcessCpu() {}

  /**
   * User and system time of all the process's threads so far, or -1 where there is no such file.
   */
  static long nanos() {
    try {
      String stat =
          new String(Files.readAllBytes(Paths.get("/proc/self/stat")), StandardCharsets.US_ASCII);
      // The command name in parentheses may hold spaces: count fields after its closing one.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
