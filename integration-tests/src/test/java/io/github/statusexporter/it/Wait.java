package io.github.statusexporter.it;

import java.time.Duration;
import java.util.function.Supplier;

/** Polling with a deadline: the tests wait for what a user would wait for, never a fixed sleep. */
final class Wait {
  private Wait() {}

  /** Polls until {@code condition} gives a non-null value, or fails after {@code timeout}. */
  static <T> T until(String what, Duration timeout, Supplier<T> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Throwable last = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = condition.get();
        if (value != null) {
          return value;
        }
      } catch (RuntimeException | AssertionError e) {
        last = e;
      }
      sleep(100);
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + what, last);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
