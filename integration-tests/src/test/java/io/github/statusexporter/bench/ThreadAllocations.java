package io.github.statusexporter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Heap bytes each thread of a launched JVM allocates between {@link #start} and {@link #stop}, from
 * the JVM's own per-thread accounting (the counter behind {@code
 * com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, TLABs included). JFR reads it out:
 * started with jcmd, a recording that holds only {@code jdk.ThreadAllocationStatistics} emits one
 * event per thread when it starts and when it stops, and the difference is the window's. Nothing is
 * added to the measured JVM's command line; jcmd's and JFR's own threads are left out.
 */
final class ThreadAllocations {
  private static final String SETTINGS =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<configuration version=\"2.0\" label=\"thread allocations\">\n"
          + "  <event name=\"jdk.ThreadAllocationStatistics\">\n"
          + "    <setting name=\"enabled\">true</setting>\n"
          + "    <setting name=\"period\">everyChunk</setting>\n"
          + "  </event>\n"
          + "</configuration>\n";

  private final long pid;
  private final Path directory;

  ThreadAllocations(long pid, Path directory) throws IOException {
    this.pid = pid;
    this.directory = directory;
    Files.writeString(directory.resolve("allocations.jfc"), SETTINGS);
  }

  void start() throws IOException, InterruptedException {
    Jcmd.run(
        pid, "JFR.start", "name=allocations", "settings=" + directory.resolve("allocations.jfc"));
  }

  /** Bytes allocated in the window, by thread name (threads of the same name added up). */
  Map<String, Long> stop() throws IOException, InterruptedException {
    Path recording = directory.resolve("allocations.jfr");
    Jcmd.run(pid, "JFR.stop", "name=allocations", "filename=" + recording);
    // With another recording running in the JVM (a profile), the file holds its events too.
    List<RecordedEvent> events =
        RecordingFile.readAllEvents(recording).stream()
            .filter(
                event -> event.getEventType().getName().equals("jdk.ThreadAllocationStatistics"))
            .toList();
    Files.delete(recording);
    // The events of the start come within microseconds of each other, those of the stop later.
    Instant first = Instant.MAX;
    Instant last = Instant.MIN;
    for (RecordedEvent event : events) {
      first = event.getStartTime().isBefore(first) ? event.getStartTime() : first;
      last = event.getStartTime().isAfter(last) ? event.getStartTime() : last;
    }
    Instant middle = first.plus(Duration.between(first, last).dividedBy(2));
    Map<Long, Long> before = new HashMap<>();
    Map<Long, Long> after = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (RecordedEvent event : events) {
      RecordedThread thread = event.getThread("thread");
      if (thread == null || isMeasurement(thread.getJavaName())) {
        continue;
      }
      long id = thread.getJavaThreadId();
      names.put(id, thread.getJavaName());
      (event.getStartTime().isBefore(middle) ? before : after).put(id, event.getLong("allocated"));
    }
    Map<String, Long> byName = new TreeMap<>();
    for (Map.Entry<Long, Long> thread : after.entrySet()) {
      // A thread started in the window (another scrape thread) counts from zero; one that ended
      // in it is not seen at the stop, and is lost: the windows are too short for that to happen.
      long allocated = thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
      byName.merge(names.get(thread.getKey()), allocated, Long::sum);
    }
    return byName;
  }

  private static boolean isMeasurement(String threadName) {
    return threadName == null
        || threadName.equals("Attach Listener")
        || threadName.startsWith("JFR ");
  }
}
