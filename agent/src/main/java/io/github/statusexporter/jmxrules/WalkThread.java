package io.github.statusexporter.jmxrules;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs the walks over the MBeans on one thread of their own, so that a scrape waits for a walk at
 * most the deadline: an MBean getter of the application may block forever (a lock it never gets, a
 * remote call without a timeout), and so may a rule's regular expression on an unlucky value.
 * jmx_exporter then hangs every scrape from there on. Here the walk goes on alone on its thread,
 * the scrapes meanwhile answer without the rules' families, and none starts a second walk beside
 * it: at most one thread is ever stuck. Scrapes that come while a walk is under way share it.
 */
final class WalkThread<T> {
  private final long deadlineNanos;
  private final ThreadPoolExecutor thread =
      new ThreadPoolExecutor(
          1,
          1,
          1,
          TimeUnit.MINUTES,
          new LinkedBlockingQueue<>(),
          task -> {
            Thread walker = new Thread(task, "status-exporter-jmx");
            walker.setDaemon(true);
            return walker;
          });
  private CompletableFuture<T> inFlight;
  private long inFlightSince;

  WalkThread(Duration deadline) {
    this.deadlineNanos = deadline.toNanos();
    thread.allowCoreThreadTimeOut(true); // no thread while nobody scrapes
  }

  /**
   * The result of a walk begun at most the deadline ago: the one under way, else a new one; null
   * when none came within the deadline, and at once while an overdue walk is still under way.
   *
   * @throws IllegalStateException when the walk failed as a whole (each MBean's failure is the
   *     walk's own to count)
   */
  T await(Supplier<T> walk) {
    CompletableFuture<T> pending;
    long since;
    synchronized (this) {
      if (inFlight == null || inFlight.isDone()) {
        inFlightSince = System.nanoTime();
        try {
          inFlight = CompletableFuture.supplyAsync(walk, thread);
        } catch (RejectedExecutionException e) {
          return null; // the thread is gone: only when the JVM is shutting down
        }
      }
      pending = inFlight;
      since = inFlightSince;
    }
    long left = deadlineNanos - (System.nanoTime() - since);
    try {
      return pending.get(Math.max(0, left), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  long deadlineMillis() {
    return TimeUnit.NANOSECONDS.toMillis(deadlineNanos);
  }
}
