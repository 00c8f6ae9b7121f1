package io.github.statusexporter.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class ThreadMetricsTest {
  private final ThreadMXBean bean = ManagementFactory.getThreadMXBean();
  private final ThreadMetrics metrics = new ThreadMetrics(bean);

  @Test
  void threadStatesCountTheThreadsTheThreadMxBeanReports() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> waiting = start(3, "waits", () -> await(release));
    try {
      // Threads of the test runner may come and go: compare when the bean saw the same twice.
      for (int attempt = 0; attempt < 20; attempt++) {
        Map<String, Double> before = statesFromBean();
        Map<String, Double> ours = states(metrics.collect());
        if (before.equals(statesFromBean())) {
          assertThat(ours).isEqualTo(before);
          assertThat(ours.get("WAITING")).isGreaterThanOrEqualTo(3);
          return;
        }
      }
      throw new AssertionError("the threads never stood still long enough to compare");
    } finally {
      release.countDown();
      join(waiting);
    }
  }

  @Test
  void aDeadlockOnLocksCountsOnlyInTheGaugeForMonitorsOrSynchronizers() throws Exception {
    MetricSnapshots before = metrics.collect();
    ReentrantLock first = new ReentrantLock();
    ReentrantLock second = new ReentrantLock();
    CountDownLatch bothHeld = new CountDownLatch(2);
    List<Thread> threads = new ArrayList<>();
    threads.addAll(start(1, "deadlock-a", () -> crossLock(first, second, bothHeld)));
    threads.addAll(start(1, "deadlock-b", () -> crossLock(second, first, bothHeld)));
    try {
      MetricSnapshots snapshots = awaitDeadlock(before);

      assertThat(deadlocked(snapshots)).isEqualTo(deadlocked(before) + 2);
      assertThat(monitorDeadlocked(snapshots)).isEqualTo(monitorDeadlocked(before));
    } finally {
      threads.forEach(Thread::interrupt);
      join(threads);
    }
  }

  @Test
  void aDeadlockOnMonitorsCountsInBothGauges() throws Exception {
    MetricSnapshots before = metrics.collect();
    Object first = new Object();
    Object second = new Object();
    CountDownLatch bothHeld = new CountDownLatch(2);
    // Monitor deadlocks cannot be broken: these two daemon threads stay blocked until the JVM ends,
    // which is why the tests compare with the deadlocks there were before.
    start(1, "monitor-deadlock-a", () -> crossSynchronize(first, second, bothHeld));
    start(1, "monitor-deadlock-b", () -> crossSynchronize(second, first, bothHeld));

    MetricSnapshots snapshots = awaitDeadlock(before);

    assertThat(deadlocked(snapshots)).isEqualTo(deadlocked(before) + 2);
    assertThat(monitorDeadlocked(snapshots)).isEqualTo(monitorDeadlocked(before) + 2);
  }

  @Test
  void aScrapeAskingForSomeFamiliesGetsOnlyThose() {
    MetricSnapshots snapshots = metrics.collect(name -> name.equals("jvm_threads_current"));

    assertThat(snapshots.size()).isEqualTo(1);
    assertThat(value(snapshots, "jvm_threads_current")).isPositive();
  }

  private MetricSnapshots awaitDeadlock(MetricSnapshots before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      MetricSnapshots snapshots = metrics.collect();
      if (deadlocked(snapshots) > deadlocked(before)) {
        return snapshots;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no deadlock seen within 10 s");
  }

  private static double deadlocked(MetricSnapshots snapshots) {
    return value(snapshots, "jvm_threads_deadlocked");
  }

  private static double monitorDeadlocked(MetricSnapshots snapshots) {
    return value(snapshots, "jvm_threads_deadlocked_monitor");
  }

  private static void crossLock(ReentrantLock mine, ReentrantLock theirs, CountDownLatch bothHeld) {
    mine.lock();
    try {
      bothHeld.countDown();
      bothHeld.await();
      theirs.lockInterruptibly();
    } catch (InterruptedException e) {
      // released by the test
    } finally {
      mine.unlock();
    }
  }

  private static void crossSynchronize(Object mine, Object theirs, CountDownLatch bothHeld) {
    synchronized (mine) {
      bothHeld.countDown();
      await(bothHeld);
      synchronized (theirs) {
        bothHeld.countDown();
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<Thread> start(int count, String name, Runnable task) {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Thread thread = new Thread(task, name + "-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    return threads;
  }

  private static void join(List<Thread> threads) throws InterruptedException {
    for (Thread thread : threads) {
      thread.join(5000);
    }
  }

  private Map<String, Double> statesFromBean() {
    Map<String, Double> states = new TreeMap<>();
    for (Thread.State state : Thread.State.values()) {
      states.put(state.name(), 0.0);
    }
    states.put("UNKNOWN", 0.0);
    for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds(), 0)) {
      if (info != null) {
        states.merge(info.getThreadState().name(), 1.0, Double::sum);
      }
    }
    return states;
  }

  private static Map<String, Double> states(MetricSnapshots snapshots) {
    Map<String, Double> states = new TreeMap<>();
    for (GaugeDataPointSnapshot point : gauge(snapshots, "jvm_threads_state").getDataPoints()) {
      states.put(point.getLabels().get("state"), point.getValue());
    }
    return states;
  }

  private static double value(MetricSnapshots snapshots, String name) {
    DataPointSnapshot point = family(snapshots, name).getDataPoints().get(0);
    return point instanceof GaugeDataPointSnapshot
        ? ((GaugeDataPointSnapshot) point).getValue()
        : Double.NaN;
  }

  private static GaugeSnapshot gauge(MetricSnapshots snapshots, String name) {
    return (GaugeSnapshot) family(snapshots, name);
  }

  private static MetricSnapshot family(MetricSnapshots snapshots, String name) {
    for (MetricSnapshot snapshot : snapshots) {
      if (snapshot.getMetadata().getPrometheusName().equals(name)) {
        return snapshot;
      }
    }
    throw new AssertionError("no " + name + " in " + snapshots);
  }
}
