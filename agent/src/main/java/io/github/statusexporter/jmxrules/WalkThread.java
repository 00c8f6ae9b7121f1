package io.github.statusexporter.jmxrules;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
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
 * it: at most one thread is ever stuck. Scrapes that come while a walk is under way share it; a
 * walk that ended after its scrape gave up answers the next scrape, so that a walk always slower
 * than the deadline still serves every other one.
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

  /** Whether a scrape has had the result of {@link #inFlight}. */
  private boolean delivered;

  WalkThread(Duration deadline) {
    this.deadlineNanos = deadline.toNanos();
    thread.allowCoreThreadTimeOut(true); // no thread while nobody scrapes
  }

  /**
   * The result of a walk begun at most the deadline ago: the one under way, else one that ended
   * unseen since, else a new one; null when none came within the deadline (and at once while an
   * overdue walk is still under way), or when the scrape's thread is interrupted.
   *
   * @throws IllegalStateException when the walk failed as a whole (each MBean's failure is the
   *     walk's own to count)
   */
  T await(Supplier<T> walk) {
    CompletableFuture<T> pending;
    long since;
    synchronized (this) {
      // Unseen, and begun recently enough that its values are those of the last few scrapes.
      boolean unseen =
          inFlight != null
              && inFlight.isDone()
              && !delivered
              && System.nanoTime() - inFlightSince < 3 * deadlineNanos;
      if (!unseen && (inFlight == null || inFlight.isDone())) {
        try {
          inFlight = CompletableFuture.supplyAsync(walk, thread);
        } catch (OutOfMemoryError e) {
          return null; // no thread could be made for it: the next scrape tries again
        }
        inFlightSince = System.nanoTime();
        delivered = false;
      }
      pending = inFlight;
      since = inFlightSince;
    }
    long left = pending.isDone() ? 0 : deadlineNanos - (System.nanoTime() - since);
    try {
      T result = pending.get(Math.max(0, left), TimeUnit.NANOSECONDS);
      synchronized (this) {
        delivered |= pending == inFlight;
      }
      return result;
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      synchronized (this) {
        delivered |= pending == inFlight;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Whether a walk is under way and has been for longer than the deadline. */
  synchronized boolean isOverdue() {
    return inFlight != null
        && !inFlight.isDone()
        && System.nanoTime() - inFlightSince > deadlineNanos;
  }

  /** Lets the thread go once idle; a thread stuck in a walk stays stuck, alone. */
  void abandon() {
    thread.shutdown();
  }

  Duration deadline() {
    return Duration.ofNanos(deadlineNanos);
  }
}
