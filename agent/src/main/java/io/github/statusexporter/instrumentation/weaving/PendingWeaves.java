package io.github.statusexporter.instrumentation.weaving;

/**
 * Hooked classes found but not woven yet. The agent announces itself only once they are woven, so
 * that from its start line on every request is recorded.
 */
public final class PendingWeaves {
  private static final Object LOCK = new Object();
  private static int pending;

  private PendingWeaves() {}

  static void add() {
    synchronized (LOCK) {
      pending++;
    }
  }

  static void done() {
    synchronized (LOCK) {
      pending--;
      LOCK.notifyAll();
    }
  }

  /** Waits until no weave is pending, at most {@code maxMillis}; true if none is. */
  public static boolean await(long maxMillis) throws InterruptedException {
    long deadline = System.nanoTime() + maxMillis * 1_000_000;
    synchronized (LOCK) {
      while (pending > 0) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return false;
        }
        LOCK.wait(left);
      }
      return true;
    }
  }
}
