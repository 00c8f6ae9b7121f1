package io.github.statusexporter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java heap of a launched JVM, from {@code jcmd GC.heap_info}: the bytes in use, and how much
 * of the heap's address range is resident (its pages that have been touched, from /proc/PID/smaps).
 */
final class HeapInfo {
  /**
   * JDK 17's "total 262144K, used 8192K"; JDK 25's "total reserved ..K, committed ..K, used ..K".
   */
  private static final Pattern USED =
      Pattern.compile("total (?:reserved )?\\d+K, (?:committed \\d+K, )?used (\\d+)K");

  private static final Pattern RANGE =
      Pattern.compile("\\[0x([0-9a-f]+), (?:0x[0-9a-f]+, )?0x([0-9a-f]+)\\)");
  private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) ");

  final long usedKib;
  final long residentKib;

  private HeapInfo(long usedKib, long residentKib) {
    this.usedKib = usedKib;
    this.residentKib = residentKib;
  }

  static HeapInfo of(long pid) throws IOException, InterruptedException {
    String info = Jcmd.run(pid, "GC.heap_info");
    long used = 0;
    long low = Long.MAX_VALUE;
    long high = 0;
    for (String line : info.split("\n")) {
      Matcher usedMatcher = USED.matcher(line);
      Matcher range = RANGE.matcher(line);
      // Generation lines (serial GC) or the one heap line (G1); not Metaspace's.
      if (usedMatcher.find() && range.find()) {
        used += Long.parseLong(usedMatcher.group(1));
        low = Math.min(low, Long.parseUnsignedLong(range.group(1), 16));
        high = Math.max(high, Long.parseUnsignedLong(range.group(2), 16));
      }
    }
    if (high == 0) {
      throw new IOException("no heap in jcmd GC.heap_info: " + info);
    }
    return new HeapInfo(used, residentKib(pid, low, high));
  }

  /** Resident KiB of the mappings of /proc/PID/smaps inside [low, high). */
  private static long residentKib(long pid, long low, long high) throws IOException {
    long resident = 0;
    boolean inHeap = false;
    for (String line : Files.readAllLines(Paths.get("/proc", String.valueOf(pid), "smaps"))) {
      Matcher mapping = MAPPING.matcher(line);
      if (mapping.find()) {
        long start = Long.parseUnsignedLong(mapping.group(1), 16);
        long end = Long.parseUnsignedLong(mapping.group(2), 16);
        inHeap = start >= low && end <= high;
      } else if (inHeap && line.startsWith("Rss:")) {
        resident += Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return resident;
  }
}
