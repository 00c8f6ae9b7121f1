package io.github.statusexporter.instrumentation;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When the application has started: the agent defers its own work (its start, and weaving a servlet
 * container) until then, so that it does not compete for the CPU with the application's start. An
 * instrumented JDK server says so once it has answered a request successfully (a readiness probe's,
 * a load balancer's, a user's; 2xx, so that a {@code 503} while the application gets ready does not
 * start the agent beside the rest of its start): starting when the server started still put the
 * agent's own start beside that first answer, measured 1.31 to 1.38 times the plain application's
 * time to it, against 1.16 to 1.25 then (docs/performance.md).
 *
 * <p>Without one, the application has started when it stops loading classes and using the CPU
 * ({@link StartQuiet}): Spring Boot 3 loads ~10,000 classes in 3 s here, a started application
 * waiting for requests loads none. A fixed second after the agent's start stood in before, which on
 * Spring Boot put the agent's start and weaving Tomcat (byte-buddy), ~0.5 s of CPU with the
 * compilations they bring, in the middle of Spring's start, whose main thread and JIT compiler keep
 * both cores busy. {@code MAX_WAIT_NANOS} bounds the wait for an application that never quiets
 * down.
 */
public final class ApplicationStart {
  /** Longest the agent waits, from its own start, for the application to have started. */
  static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  /**
   * Shortest wait without a first answer, as before the quiet was looked at: a JVM starved of CPU
   * by other processes looks quiet too, and an embedded container (Jetty) may load the class the
   * agent weaves a moment after a quiet start of the application's main; the agent's start line
   * promises that every request from then on is recorded.
   */
  static final long MIN_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /**
   * The first poll for quiet, after the agent's start: early enough for a verdict by the least
   * wait.
   */
  private static final long FIRST_POLL_NANOS =
      MIN_WAIT_NANOS - (StartQuiet.QUIET_POLLS + 1) * POLL_NANOS;

  private static final CountDownLatch ANSWERED = new CountDownLatch(1);
  private static volatile long agentStart = System.nanoTime();
  private static volatile Instrumentation instrumentation;
  private static volatile MainThread mainThread = new MainThread(null);

  // Guarded by ApplicationStart.class: the agent's threads that wait share one poll, so that the
  // classes one of them loads once started cannot hold the others back.
  private static final StartQuiet QUIET = new StartQuiet();
  private static long lastPoll;
  private static boolean settled;

  private ApplicationStart() {}

  /**
   * The agent has started, with the JVM's instrumentation to count classes.
   *
   * @param main the application's main thread (the one that runs {@code premain}), or null when the
   *     agent is attached to a running application
   * @param startNanos when, by {@link System#nanoTime}: its {@code premain} or {@code agentmain}
   */
  public static void agentStarted(Instrumentation jvm, Thread main, long startNanos) {
    instrumentation = jvm;
    mainThread = new MainThread(main);
    agentStart = startNanos;
    if (main == null) {
      // Attached: the application runs already. Under steady traffic it never looks quiet, and
      // waiting for it held the agent's start and the weaving of its server ten seconds back.
      ANSWERED.countDown();
    }
  }

  /**
   * The application has answered a request; a successful answer (2xx) means it has started. One
   * that is not may come while it is still starting (a readiness probe's {@code 503}, a {@code 404}
   * to a load balancer's first look): the agent's start waits on, so as not to compete with the
   * rest of the application's start for the CPU.
   *
   * @param status the status code sent, or -1 when none was sent yet
   */
  public static void answered(int status) {
    if (status >= 200 && status <= 299) {
      ANSWERED.countDown();
    }
  }

  /**
   * Waits until the application has answered a request, or has become quiet ({@link StartQuiet}) at
   * least {@link #MIN_WAIT_NANOS} after the agent's start; at most {@link #MAX_WAIT_NANOS} after
   * it.
   */
  public static void await() throws InterruptedException {
    while (true) {
      long left = agentStart + MAX_WAIT_NANOS - System.nanoTime();
      if (left <= 0 || ANSWERED.await(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS)) {
        return;
      }
      if (quiet() && System.nanoTime() - agentStart >= MIN_WAIT_NANOS) {
        return;
      }
    }
  }

  private static synchronized boolean quiet() {
    Instrumentation jvm = instrumentation;
    long now = System.nanoTime();
    if (jvm == null) {
      return true; // not started as an agent: nothing to count, nothing to wait for
    }
    if (now - agentStart < FIRST_POLL_NANOS) {
      // A verdict is of no use before MIN_WAIT_NANOS: the polls begin in time to reach one by
      // then. Each takes the JVM's list of its classes, ~1 ms of CPU, and an earlier one could
      // fall beside the application's first answer (seen on jwebserver's start).
      return false;
    }
    // A second waiting thread finds the last poll fresh and takes its verdict.
    if (!settled && now - lastPoll >= POLL_NANOS / 2) {
      lastPoll = now;
      if (mainThread.done()) {
        settled = QUIET.poll(jvm.getAllLoadedClasses().length, ProcessCpu.nanos(), POLL_NANOS);
      } else {
        // Still starting: the JVM's list of its classes (thousands, each poll) is not worth making.
        QUIET.restart();
      }
    }
    return settled;
  }
}
