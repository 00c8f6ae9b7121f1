package io.github.statusexporter.jvm;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The {@code jvm_threads_*} families of client_java's {@code JvmThreadsMetrics}, with the same
 * names, help, labels and values, at a fraction of the cost per scrape:
 *
 * <ul>
 *   <li>Thread states: client_java asks the ThreadMXBean for a {@code ThreadInfo} per thread
 *       (measured: 390 µs and 121 KB per scrape with 1,000 threads). Here each thread of the root
 *       thread group, the same threads, is asked its {@code getState()}: 25 µs and 4 KB.
 *   <li>Deadlocks: each check is a stop-the-world VM operation that walks every thread (~25 µs and
 *       two thread switches per scrape on jwebserver, 2026-12-07, a tenth of what the agent's own
 *       collecting costs). It runs when some thread waits as a deadlocked thread does ({@link
 *       #mayBeDeadlocked}), which in most applications' scrapes none does; while the last check
 *       found a cycle, as deadlocks last; and at least once a minute ({@link #RECHECK_NANOS}), for
 *       the cycles the threads' states cannot show (JVMTI raw monitors of a native agent, threads
 *       outside the thread groups). A cycle of threads waiting on monitors is also found by the
 *       check for monitors or ownable synchronizers, so the monitor-only check runs only when that
 *       one found a cycle: one pause per scrape at most, two while a deadlock lasts.
 * </ul>
 */
final class ThreadMetrics extends SelectiveCollector {
  private static final Family CURRENT =
      Family.gauge("jvm_threads_current", "Current thread count of a JVM", null);
  private static final Family DAEMON =
      Family.gauge("jvm_threads_daemon", "Daemon thread count of a JVM", null);
  private static final Family PEAK =
      Family.gauge("jvm_threads_peak", "Peak thread count of a JVM", null);
  private static final Family STARTED =
      Family.counter("jvm_threads_started", "Started thread count of a JVM", null);
  private static final Family DEADLOCKED =
      Family.gauge(
          "jvm_threads_deadlocked",
          "Cycles of JVM-threads that are in deadlock waiting to acquire object monitors or"
              + " ownable synchronizers",
          null);
  private static final Family DEADLOCKED_MONITOR =
      Family.gauge(
          "jvm_threads_deadlocked_monitor",
          "Cycles of JVM-threads that are in deadlock waiting to acquire object monitors",
          null);
  private static final Family STATE =
      Family.gauge("jvm_threads_state", "Current count of threads by state", null);

  private static final String STATE_LABEL = "state";
  private static final Thread.State[] STATES = Thread.State.values();
  private static final Labels[] STATE_LABELS = new Labels[STATES.length];

  /** client_java counts threads with an invalid id as UNKNOWN: always 0, kept for parity. */
  private static final Labels UNKNOWN = Labels.of(STATE_LABEL, "UNKNOWN");

  /** Longest time between two deadlock checks, whatever the threads' states. */
  static final long RECHECK_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** Room for threads started between counting and listing them. */
  private static final int SLACK = 16;

  static {
    for (Thread.State state : STATES) {
      STATE_LABELS[state.ordinal()] = Labels.of(STATE_LABEL, state.name());
    }
  }

  private final ThreadMXBean threads;

  /**
   * When the last deadlock check ran (at first, a recheck time before this was made: the first
   * scrape checks), and the cycles' threads it found; guarded by this.
   */
  private long lastCheckNanos;

  private int lastDeadlocked;

  private final long recheckNanos;

  ThreadMetrics(ThreadMXBean threads) {
    this(threads, RECHECK_NANOS);
  }

  ThreadMetrics(ThreadMXBean threads, long recheckNanos) {
    this.threads = threads;
    this.recheckNanos = recheckNanos;
    this.lastCheckNanos = System.nanoTime() - recheckNanos;
  }

  @Override
  public List<MetricFamilyDescriptor> getMetricFamilyDescriptors() {
    return List.of(
        CURRENT.descriptor(),
        DAEMON.descriptor(),
        PEAK.descriptor(),
        STARTED.descriptor(),
        DEADLOCKED.descriptor(),
        DEADLOCKED_MONITOR.descriptor(),
        STATE.descriptor(STATE_LABEL));
  }

  /** Only what the scrape asks for: {@code ?name[]=jvm_threads_current} runs no deadlock check. */
  @Override
  public MetricSnapshots collect(Predicate<String> includedNames) {
    List<MetricSnapshot> snapshots = new ArrayList<>(7);
    if (CURRENT.wanted(includedNames)) {
      snapshots.add(CURRENT.gauge(threads.getThreadCount()));
    }
    if (DAEMON.wanted(includedNames)) {
      snapshots.add(DAEMON.gauge(threads.getDaemonThreadCount()));
    }
    if (PEAK.wanted(includedNames)) {
      snapshots.add(PEAK.gauge(threads.getPeakThreadCount()));
    }
    if (STARTED.wanted(includedNames)) {
      snapshots.add(STARTED.counter(threads.getTotalStartedThreadCount()));
    }
    boolean deadlocks =
        DEADLOCKED.wanted(includedNames) || DEADLOCKED_MONITOR.wanted(includedNames);
    boolean states = STATE.wanted(includedNames);
    Thread[] live = null;
    if (deadlocks || states) {
      try {
        live = liveThreads();
      } catch (SecurityException e) {
        // A security manager that guards the root thread group: no states, but the scrape goes on.
      }
    }
    if (deadlocks) {
      int deadlocked = deadlocked(live);
      int monitor = deadlocked == 0 ? 0 : length(threads.findMonitorDeadlockedThreads());
      addIfWanted(snapshots, includedNames, DEADLOCKED, deadlocked);
      addIfWanted(snapshots, includedNames, DEADLOCKED_MONITOR, monitor);
    }
    if (states && live != null) {
      snapshots.add(states(live));
    }
    return new MetricSnapshots(snapshots);
  }

  /** The threads in deadlock cycles: the JVM's check's answer, or its last one (see above). */
  private synchronized int deadlocked(Thread[] live) {
    long now = System.nanoTime();
    if (lastDeadlocked > 0
        || now - lastCheckNanos >= recheckNanos
        || live == null
        || mayBeDeadlocked(live)) {
      lastDeadlocked = length(threads.findDeadlockedThreads());
      lastCheckNanos = now;
    }
    return lastDeadlocked;
  }

  /**
   * False only when no thread waits as a deadlocked thread waits, so that the JVM's check would
   * find no cycle among them: a thread in a deadlock waits for a monitor ({@code BLOCKED}) or is
   * parked on an ownable synchronizer held by another ({@code ReentrantLock}, {@code
   * ReentrantReadWriteLock}: the JVM's check follows such a synchronizer to its owner), and stays
   * so. Threads waiting on queues, conditions or sleeping are neither, nor are those waiting on a
   * {@code CountDownLatch} or a {@code Semaphore}, whose synchronizers never have an owner. The
   * JVM's check leaves out virtual threads. A thread that starts waiting after this look is seen by
   * the next scrape, as a deadlock that forms just after a check is.
   */
  static boolean mayBeDeadlocked(Thread[] live) {
    for (Thread thread : live) {
      if (thread == null) {
        continue;
      }
      Thread.State state = thread.getState();
      if (state == Thread.State.BLOCKED
          || (state != Thread.State.RUNNABLE && waitsForAnOwner(LockSupport.getBlocker(thread)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean waitsForAnOwner(Object blocker) {
    if (!(blocker instanceof AbstractOwnableSynchronizer)) {
      return false;
    }
    String sync = blocker.getClass().getName();
    return !sync.startsWith("java.util.concurrent.CountDownLatch$")
        && !sync.startsWith("java.util.concurrent.Semaphore$");
  }

  private static void addIfWanted(
      List<MetricSnapshot> snapshots, Predicate<String> includedNames, Family family, int value) {
    if (family.wanted(includedNames)) {
      snapshots.add(family.gauge(value));
    }
  }

  private static GaugeSnapshot states(Thread[] live) {
    int[] counts = new int[STATES.length];
    for (Thread thread : live) {
      if (thread != null) {
        counts[thread.getState().ordinal()]++;
      }
    }
    GaugeSnapshot.Builder gauge = STATE.gaugeBuilder();
    for (Thread.State state : STATES) {
      gauge.dataPoint(point(STATE_LABELS[state.ordinal()], counts[state.ordinal()]));
    }
    return gauge.dataPoint(point(UNKNOWN, 0)).build();
  }

  /**
   * The live platform threads: those of the root thread group and its subgroups, which are the ones
   * the ThreadMXBean reports (checked on Java 17 and 25). Unused slots are null.
   */
  private static Thread[] liveThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] all = new Thread[root.activeCount() + SLACK];
    root.enumerate(all);
    return all;
  }

  private static GaugeDataPointSnapshot point(Labels labels, int value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }

  private static int length(long[] threadIds) {
    return threadIds == null ? 0 : threadIds.length;
  }
}
