package io.github.statusexporter.source;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One read of a source, begun by a scrape and shared by the scrapes that arrive meanwhile. It ends
 * once, as a future completes once: with a reading or a failure, whichever comes first. Not a
 * {@code CompletableFuture}: its class initialisation brings up the common {@code ForkJoinPool}
 * (~20 classes) in applications that never use it.
 */
public final class PendingRead {
  final ReadAbort abort = new ReadAbort();
  private final CountDownLatch done = new CountDownLatch(1);
  private Reading reading; // guarded by this, set once before done opens
  private Throwable failure; // guarded by this, set once before done opens

  PendingRead() {}

  /** True once the read has a reading, has failed, or was abandoned. */
  public boolean isDone() {
    return done.getCount() == 0;
  }

  /** Ends the read with its reading, unless it has ended already. */
  synchronized void complete(Reading read) {
    if (!isDone()) {
      reading = read;
      done.countDown();
    }
  }

  /** Ends the read with a failure, unless it has ended already. */
  synchronized void fail(Throwable cause) {
    if (!isDone()) {
      failure = cause;
      done.countDown();
    }
  }

  /**
   * The reading, waiting at most {@code nanos} for it; once there, it is returned even to an
   * interrupted thread, as a future's is.
   *
   * @throws ExecutionException with the failure as its cause
   */
  Reading get(long nanos) throws InterruptedException, TimeoutException, ExecutionException {
    if (!isDone() && !done.await(nanos, TimeUnit.NANOSECONDS)) {
      throw new TimeoutException();
    }
    synchronized (this) {
      if (failure != null) {
        throw new ExecutionException(failure);
      }
      return reading;
    }
  }
}
