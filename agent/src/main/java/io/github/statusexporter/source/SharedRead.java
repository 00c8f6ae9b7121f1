package io.github.statusexporter.source;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Reads a source on its own thread so a scrape waits at most the timeout, and lets concurrent
 * scrapes share the read in flight instead of each starting one. The timeout bounds the whole read,
 * not each step of it: a read still running when a scrape has waited the timeout is abandoned (an
 * HTTP source's connection is closed), so that the next scrape starts a fresh one at once. A read
 * that cannot be stopped (an MBean getter stuck in the application) is not doubled up either: the
 * scrapes that follow share it until it ends, so there is never more than one read per source at a
 * time.
 */
public final class SharedRead {
  private final StatusSource source;
  private final Duration timeout;
  private final Executor executor;
  private PendingRead inFlight;

  public SharedRead(StatusSource source, Duration timeout, Executor executor) {
    this.source = source;
    this.timeout = timeout;
    this.executor = executor;
  }

  /** Starts a read unless one is in flight; either way returns the one to wait for. */
  public synchronized PendingRead begin() {
    if (inFlight == null || inFlight.isDone()) {
      PendingRead read = new PendingRead();
      inFlight = read;
      try {
        // Not a lambda: the JVM would spin its class at the first read (~30 KB on JDK 25).
        executor.execute(
            new Runnable() {
              @Override
              public void run() {
                complete(read);
              }
            });
      } catch (RejectedExecutionException e) {
        read.fail(new SourceException(FailureReason.INTERNAL_ERROR, "the reader thread is gone"));
      }
    }
    return inFlight;
  }

  private void complete(PendingRead read) {
    try {
      read.complete(source.read(read.abort));
    } catch (Throwable e) {
      // An abandoned read fails with the closed connection, a consequence of its timeout.
      read.fail(read.abort.isAborted() ? timedOut() : e);
    }
  }

  private SourceException timedOut() {
    return new SourceException(
        FailureReason.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
  }

  /**
   * Waits for a read begun with {@link #begin()} until the timeout has passed since {@code
   * startNanos}: sources read side by side share one deadline, so a scrape waits at most the
   * longest timeout, not their sum. A scrape that waits out the timeout abandons the read if the
   * source can stop it; the scrapes sharing it then fail with the same timeout at once.
   */
  public Reading await(PendingRead read, long startNanos) throws SourceException {
    try {
      long remaining = timeout.toNanos() - (System.nanoTime() - startNanos);
      return read.get(Math.max(0, remaining));
    } catch (TimeoutException e) {
      SourceException timedOut = timedOut();
      if (!read.abort.abort()) {
        throw timedOut;
      }
      // Unless the reading came in just now, the read ends here with the timeout.
      read.fail(timedOut);
      return await(read, startNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(FailureReason.TIMEOUT, "interrupted while waiting");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SourceException) {
        throw (SourceException) e.getCause();
      }
      throw new SourceException(
          FailureReason.INTERNAL_ERROR, Redaction.urlsIn(String.valueOf(e.getCause())));
    }
  }

  public StatusSource source() {
    return source;
  }
}
