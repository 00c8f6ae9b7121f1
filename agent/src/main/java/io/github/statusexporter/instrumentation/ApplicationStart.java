package io.github.statusexporter.instrumentation;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When the application has started: the agent defers its own start until then, so that it does not
 * compete for the CPU with the application's start. Instrumented servers say so when the
 * application starts serving; without one, a fixed wait stands in.
 */
public final class ApplicationStart {
  private static final CountDownLatch SERVING = new CountDownLatch(1);

  private ApplicationStart() {}

  /** The application has started serving requests. */
  public static void serving() {
    SERVING.countDown();
  }

  /** Waits until the application serves, at most {@code maxMillis}. */
  public static void await(long maxMillis) throws InterruptedException {
    SERVING.await(maxMillis, TimeUnit.MILLISECONDS);
  }
}
