package io.github.statusexporter.jvm;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The counters from Linux's {@code /proc/self}, the files the JDK's own bean reads or the calls
 * they stand for: the same values (the CPU time in the kernel's ticks of 10 ms, as the bean's
 * {@code times()} gives it and Prometheus' own process collector reads it). {@code stat} and {@code
 * limits} are kept open and read again from their start, which the kernel writes anew each time:
 * opening them for each scrape cost ~12 µs more, at the cost of two file descriptors the process
 * keeps.
 */
final class LinuxProcessCounters implements ProcessCounters {
  /** The kernel's unit for CPU times in {@code stat}, USER_HZ: 100 per second on every Linux. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private static final byte[] MAX_OPEN_FILES = "Max open files".getBytes(StandardCharsets.US_ASCII);

  /**
   * Open descriptors past which they are counted by the JDK's bean, made then: listing {@code fd}
   * makes a string per entry (a server with 100,000 connections would make megabytes of garbage per
   * scrape), the bean's count none. Without {@code jdk.management}, which has the bean, they are
   * listed whatever their number.
   */
  static final int MANY_FILE_DESCRIPTORS = 1024;

  private final RandomAccessFile stat;
  private final File fds;
  private final RandomAccessFile limits;

  /** Holds one file at a time; {@code stat} is ~300 bytes, {@code limits} ~1.4 KB. */
  private final byte[] buffer = new byte[4096];

  /** Whether the JDK's bean can count {@link #MANY_FILE_DESCRIPTORS} ({@code jdk.management}). */
  private final boolean beanForMany;

  /** The bean's counters, once there were {@link #MANY_FILE_DESCRIPTORS}; null before. */
  private volatile ProcessCounters manyDescriptors;

  private LinuxProcessCounters(
      RandomAccessFile stat, File fds, RandomAccessFile limits, boolean beanForMany) {
    this.stat = stat;
    this.fds = fds;
    this.limits = limits;
    this.beanForMany = beanForMany;
  }

  /**
   * This process's, or null where its files cannot all be read (not Linux, a restricted /proc).
   *
   * @param jdkManagement whether the JVM has the module whose bean counts many descriptors
   */
  static LinuxProcessCounters ofThisProcess(boolean jdkManagement) {
    return of(new File("/proc/self"), jdkManagement);
  }

  /** A process's, from its directory in {@code /proc}; null unless its files can all be read. */
  static LinuxProcessCounters of(File proc, boolean jdkManagement) {
    RandomAccessFile stat = null;
    RandomAccessFile limits = null;
    try {
      stat = new RandomAccessFile(new File(proc, "stat"), "r");
      limits = new RandomAccessFile(new File(proc, "limits"), "r");
      LinuxProcessCounters counters =
          new LinuxProcessCounters(stat, new File(proc, "fd"), limits, jdkManagement);
      if (counters.cpuNanos() >= 0
          && counters.openFileDescriptors() >= 0
          && counters.maxFileDescriptors() >= 0) {
        return counters;
      }
    } catch (IOException | SecurityException e) {
      // not Linux, or a restricted /proc: the bean then
    }
    close(stat);
    close(limits);
    return null;
  }

  private static void close(RandomAccessFile file) {
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        // nothing was written
      }
    }
  }

  @Override
  public boolean hasCpu() {
    return true;
  }

  @Override
  public boolean hasFileDescriptors() {
    return true;
  }

  /** Fields 14 and 15 of {@code stat}, utime and stime, which count the ended threads too. */
  @Override
  public synchronized long cpuNanos() {
    int length = read(stat);
    // The command name in parentheses may hold spaces and parentheses: count after the last one.
    int at = lastIndexOf(length, (byte) ')');
    if (at < 0) {
      return -1;
    }
    at += 2; // ") " before field 3
    for (int field = 3; field < 14 && at >= 0; field++) {
      at = afterNext(length, at, (byte) ' ');
    }
    long user = number(length, at);
    long system = number(length, afterNext(length, at, (byte) ' '));
    return user < 0 || system < 0 ? -1 : (user + system) * NANOS_PER_TICK;
  }

  /**
   * The entries of {@code fd}, less the one the listing itself opened, as the JDK counts them; from
   * the bean once they were {@link #MANY_FILE_DESCRIPTORS}, where there is one.
   */
  @Override
  public long openFileDescriptors() {
    ProcessCounters bean = manyDescriptors;
    if (bean != null) {
      return bean.openFileDescriptors();
    }
    String[] open = fds.list();
    if (open == null) {
      return -1;
    }
    if (open.length > MANY_FILE_DESCRIPTORS && beanForMany) {
      manyDescriptors = new BeanProcessCounters(ManagementFactory.getOperatingSystemMXBean());
    }
    return open.length - 1;
  }

  /** The soft limit of the line {@code Max open files 1048576 1048576 files}; -1 if unlimited. */
  @Override
  public synchronized long maxFileDescriptors() {
    return ProcStatus.numberOnLine(buffer, read(limits), MAX_OPEN_FILES);
  }

  /** Reads the file anew, whole, into the buffer; its length, or 0 if it cannot be read. */
  private int read(RandomAccessFile file) {
    try {
      file.seek(0);
      int length = 0;
      int n;
      while (length < buffer.length
          && (n = file.read(buffer, length, buffer.length - length)) > 0) {
        length += n;
      }
      return length;
    } catch (IOException e) {
      return 0;
    }
  }

  private int lastIndexOf(int length, byte b) {
    for (int i = length - 1; i >= 0; i--) {
      if (buffer[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The index after the next {@code b} from {@code from} on, or -1 if there is none. */
  private int afterNext(int length, int from, byte b) {
    if (from < 0) {
      return -1;
    }
    for (int i = from; i < length; i++) {
      if (buffer[i] == b) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The decimal number at {@code at}, or -1 if there is none there. */
  private long number(int length, int at) {
    if (at < 0) {
      return -1;
    }
    long value = 0;
    int i = at;
    for (; i < length && buffer[i] >= '0' && buffer[i] <= '9'; i++) {
      value = value * 10 + (buffer[i] - '0');
    }
    return i == at ? -1 : value;
  }
}
