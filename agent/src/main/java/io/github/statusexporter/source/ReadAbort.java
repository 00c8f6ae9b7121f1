package io.github.statusexporter.source;

/**
 * Lets a scrape that waited out a read's timeout abandon the read. A source that can stop a read
 * midway registers how (an HTTP source closes its connection); one that cannot (an MBean getter
 * stuck in the application) registers nothing, and its read runs on, shared, until it ends.
 */
public final class ReadAbort {
  private Runnable action;
  private boolean aborted;

  /**
   * Registers how to stop the read from another thread.
   *
   * @throws SourceException with {@link FailureReason#TIMEOUT} when the read was abandoned already
   */
  public synchronized void onAbort(Runnable stop) throws SourceException {
    requireNotAborted();
    action = stop;
  }

  /**
   * For a read that registered its abort before the thing it could stop existed (a connection being
   * opened has no socket to close yet): an abort meanwhile only marked the read.
   *
   * @throws SourceException with {@link FailureReason#TIMEOUT} when the read was abandoned
   */
  public synchronized void requireNotAborted() throws SourceException {
    if (aborted) {
      throw new SourceException(FailureReason.TIMEOUT, "abandoned after the timeout");
    }
  }

  /** True once a scrape gave up on the read: however it then fails, it failed by the timeout. */
  synchronized boolean isAborted() {
    return aborted;
  }

  /** Stops the read if its source registered how; true if it did, false if the read runs on. */
  boolean abort() {
    Runnable stop;
    synchronized (this) {
      aborted = true;
      stop = action;
    }
    if (stop == null) {
      return false;
    }
    try {
      stop.run();
    } catch (RuntimeException e) {
      // Closing a connection that is half gone: the read fails on its own thread either way.
    }
    return true;
  }
}
