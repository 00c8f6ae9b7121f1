package io.github.statusexporter.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
  @Order(2) // before the monitor deadlock's threads, which would have the check run anyway
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
  @Order(Integer.MAX_VALUE) // last: its threads stay blocked until the JVM ends
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
  void threadsWaitingOnQueuesOrSleepingCannotBeDeadlocked() throws Exception {
    LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch never = new CountDownLatch(1);
    Semaphore none = new Semaphore(0);
    List<Thread> idle = new ArrayList<>();
    idle.addAll(start(1, "takes", () -> takeOrStop(queue, started)));
    idle.addAll(start(1, "sleeps", () -> sleepOrStop(started)));
    idle.addAll(start(1, "awaits", () -> await(never)));
    idle.addAll(start(1, "acquires", none::acquireUninterruptibly));
    try {
      started.await();
      awaitState(idle.get(0), Thread.State.WAITING);
      awaitState(idle.get(1), Thread.State.TIMED_WAITING);
      awaitState(idle.get(2), Thread.State.WAITING);
      awaitState(idle.get(3), Thread.State.WAITING);

      assertThat(ThreadMetrics.mayBeDeadlocked(idle.toArray(new Thread[5]))).isFalse();
    } finally {
      idle.forEach(Thread::interrupt);
      never.countDown();
      none.release();
      join(idle);
    }
  }

  @Test
  void threadsWaitingForALockOrAMonitorMayBeDeadlocked() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    Object monitor = new Object();
    lock.lock();
    List<Thread> waiting;
    synchronized (monitor) {
      waiting = start(1, "locks", () -> lockAndUnlock(lock));
      waiting.addAll(start(1, "synchronizes", () -> synchronizeOn(monitor)));
      try {
        awaitState(waiting.get(0), Thread.State.WAITING);
        awaitState(waiting.get(1), Thread.State.BLOCKED);

        assertThat(ThreadMetrics.mayBeDeadlocked(new Thread[] {waiting.get(0)})).isTrue();
        assertThat(ThreadMetrics.mayBeDeadlocked(new Thread[] {waiting.get(1), null})).isTrue();
      } finally {
        lock.unlock();
      }
    }
    join(waiting);
  }

  @Test
  @Order(1) // before the deadlock tests, whose threads on monitors stay blocked until the JVM ends
  void noDeadlockCheckRunsWhileNoThreadWaitsForALock() {
    assumeFalse(
        ThreadMetrics.mayBeDeadlocked(Thread.getAllStackTraces().keySet().toArray(new Thread[0])),
        "a thread of this JVM is blocked for good: another test class's deadlock");
    AtomicInteger checks = new AtomicInteger();
    ThreadMetrics counted = new ThreadMetrics(countingChecks(checks, null));
    // The test runner's own threads may wait for a lock now and then: most scrapes see none.
    int scrapes = 50;
    for (int i = 0; i < scrapes; i++) {
      assertThat(value(counted.collect(), "jvm_threads_deadlocked")).isEqualTo(deadlocksNow());
    }

    assertThat(checks.get()).isLessThan(scrapes / 2);
  }

  @Test
  void whileACycleIsFoundEveryScrapeChecksAgain() {
    AtomicInteger checks = new AtomicInteger();
    // A bean that finds two deadlocked threads: no thread of this JVM need wait for it.
    ThreadMetrics counted = new ThreadMetrics(countingChecks(checks, new long[] {1, 2}));

    for (int i = 0; i < 5; i++) {
      assertThat(value(counted.collect(), "jvm_threads_deadlocked")).isEqualTo(2);
    }
    // Each scrape: the check, and the one for monitors since it found a cycle.
    assertThat(checks.get()).isEqualTo(10);
  }

  @Test
  void theCheckRunsAtLeastAsOftenAsTheRecheckTimeWhateverTheThreadsWait()
      throws InterruptedException {
    AtomicInteger checks = new AtomicInteger();
    ThreadMetrics counted =
        new ThreadMetrics(countingChecks(checks, null), TimeUnit.MILLISECONDS.toNanos(20));

    for (int i = 0; i < 3; i++) {
      counted.collect();
      Thread.sleep(30);
    }

    assertThat(checks.get()).isEqualTo(3);
  }

  /** The bean, counting its deadlock checks; those answer {@code found} unless it is null. */
  private ThreadMXBean countingChecks(AtomicInteger checks, long[] found) {
    return (ThreadMXBean)
        Proxy.newProxyInstance(
            ThreadMXBean.class.getClassLoader(),
            new Class<?>[] {ThreadMXBean.class},
            (proxy, method, args) -> {
              if (method.getName().startsWith("find")) {
                checks.incrementAndGet();
                if (found != null) {
                  return found.clone();
                }
              }
              return method.invoke(bean, args);
            });
  }

  private double deadlocksNow() {
    long[] ids = bean.findDeadlockedThreads();
    return ids == null ? 0 : ids.length;
  }

  private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != state) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(thread.getName() + " is " + thread.getState() + ", not " + state);
      }
      Thread.sleep(1);
    }
  }

  private static void takeOrStop(LinkedBlockingQueue<Object> queue, CountDownLatch started) {
    started.countDown();
    try {
      queue.take();
    } catch (InterruptedException e) {
      // stopped by the test
    }
  }

  private static void sleepOrStop(CountDownLatch started) {
    started.countDown();
    try {
      Thread.sleep(60_000);
    } catch (InterruptedException e) {
      // stopped by the test
    }
  }

  private static void lockAndUnlock(ReentrantLock lock) {
    lock.lock();
    lock.unlock();
  }

  private static void synchronizeOn(Object monitor) {
    synchronized (monitor) {
      monitor.notifyAll();
    }
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
