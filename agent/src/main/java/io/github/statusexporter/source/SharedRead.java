package io.github.statusexporter.source;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a source on its own thread so a scrape waits at most the timeout, and lets concurrent
 * scrapes share the read in flight instead of each starting one. A read stuck past the timeout is
 * not abandoned for a second one: there is never more than one read per source at a time.
 */
public final class SharedRead {
  private final StatusSource source;
  private final Duration timeout;
  private final Executor executor;
  private CompletableFuture<Reading> inFlight;

  public SharedRead(StatusSource source, Duration timeout, Executor executor) {
    this.source = source;
    this.timeout = timeout;
    this.executor = executor;
  }

  /** Starts a read unless one is in flight; either way returns the one to wait for. */
  public synchronized CompletableFuture<Reading> begin() {
    if (inFlight == null || inFlight.isDone()) {
      CompletableFuture<Reading> read = new CompletableFuture<>();
      try {
        executor.execute(() -> complete(read));
      } catch (RejectedExecutionException e) {
        read.completeExceptionally(
            new SourceException(FailureReason.INTERNAL_ERROR, "the reader thread is gone"));
      }
      inFlight = read;
    }
    return inFlight;
  }

  private void complete(CompletableFuture<Reading> read) {
    try {
      read.complete(source.read());
    } catch (Throwable e) {
      read.completeExceptionally(e);
    }
  }

  /**
   * Waits for a read begun with {@link #begin()} until the timeout has passed since {@code
   * startNanos}: sources read side by side share one deadline, so a scrape waits at most the
   * longest timeout, not their sum.
   */
  public Reading await(CompletableFuture<Reading> read, long startNanos) throws SourceException {
    try {
      long remaining = timeout.toNanos() - (System.nanoTime() - startNanos);
      return read.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new SourceException(
          FailureReason.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(FailureReason.TIMEOUT, "interrupted while waiting");
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof SourceException) {
        throw (SourceException) e.getCause();
      }
      throw new SourceException(FailureReason.INTERNAL_ERROR, String.valueOf(e.getCause()));
    }
  }

  public StatusSource source() {
    return source;
  }
}
