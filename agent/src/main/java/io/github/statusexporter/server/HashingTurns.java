package io.github.statusexporter.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Password hashing in turns, so that a flood of wrong passwords costs the application little: one
 * hash at a time, each followed by a rest as long as it took (hashing takes at most half of one
 * core), at most {@link #MAX_WAITING} checks waiting for their turn, none longer than {@link
 * #MAX_WAIT_MILLIS}. The rest are refused without a hash, after {@link #REFUSAL_DELAY_MILLIS}: a
 * flooding client that is refused at once would only ask again at once.
 */
final class HashingTurns {
  /** Half the metrics server's threads: the other half serves remembered passwords. */
  static final int MAX_WAITING = ServerThreads.MAX_THREADS / 2;

  static final long MAX_WAIT_MILLIS = 2_000;
  static final long REFUSAL_DELAY_MILLIS = 500;

  private final Semaphore places = new Semaphore(1 + MAX_WAITING);
  private final ReentrantLock turn = new ReentrantLock(true);
  private long nextTurn = System.nanoTime();

  /**
   * Runs {@code hash} in its turn.
   *
   * @return its result, or null when it got no turn: too many waiting, or waited too long
   */
  Boolean inTurn(BooleanSupplier hash) {
    if (!places.tryAcquire()) {
      try {
        Thread.sleep(REFUSAL_DELAY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
      if (!turn.tryLock(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        return null;
      }
      try {
        long rest = nextTurn - System.nanoTime();
        if (rest > deadline - System.nanoTime()) {
          return null;
        }
        if (rest > 0) {
          TimeUnit.NANOSECONDS.sleep(rest);
        }
        long start = System.nanoTime();
        boolean result = hash.getAsBoolean();
        long end = System.nanoTime();
        nextTurn = end + (end - start);
        return result;
      } finally {
        turn.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      places.release();
    }
  }
}
