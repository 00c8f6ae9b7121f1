package io.github.statusexporter.server;

import io.github.statusexporter.jvm.PlatformBeans;
import java.io.IOException;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Renders scrapes one at a time, shares each rendering among the scrapes that asked for the same
 * answer while it waited for its turn, and paces the turns, so that no number of scrapers can take
 * more than a bounded share of the application's CPU:
 *
 * <ul>
 *   <li>a rendering starts only once the last one is over by {@link #PAUSE_FACTOR} times the CPU
 *       time it took (renderings take at most a quarter of a core; time spent waiting for a slow
 *       source costs nothing and is not counted), and by {@link #PAUSE_PER_ANSWER} for each answer
 *       it made (the answers' sending is paced too);
 *   <li>every answer is rendered after its scrape arrived, so values are never older than the
 *       scrape.
 * </ul>
 *
 * A scrape every few seconds, as Prometheus makes, never waits; scrapers that ask back to back wait
 * a few milliseconds each, and fifty of them share one rendering every few tenths of a second.
 */
final class SharedRenderings {
  static final int PAUSE_FACTOR = 3;
  static final long PAUSE_PER_ANSWER = TimeUnit.MILLISECONDS.toNanos(2);

  /** Renders one answer. */
  interface Renderer {
    Answer render() throws IOException;
  }

  private static final ThreadMXBean THREADS = PlatformBeans.threads();

  private final Map<Object, Rendering> waiting = new HashMap<>();
  private final ReentrantLock turn = new ReentrantLock(true);
  private long nextTurn = System.nanoTime();

  /**
   * The answer for {@code key}: rendered by {@code renderer} after the call, or shared with another
   * scrape for the same key rendered after the call too.
   *
   * @throws IOException what the renderer threw, to each scrape that shared it
   * @throws InterruptedException when the scrape's thread is interrupted (its exchange deadline)
   */
  Answer render(Object key, Renderer renderer) throws IOException, InterruptedException {
    Rendering rendering;
    boolean shared;
    synchronized (waiting) {
      rendering = waiting.get(key);
      shared = rendering != null;
      if (shared) {
        rendering.answers++;
      } else {
        rendering = new Rendering();
        waiting.put(key, rendering);
      }
    }
    if (shared) {
      return rendering.await();
    }
    try {
      renderInTurn(key, rendering, renderer);
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      close(key, rendering);
      rendering.fail(e);
      throw e;
    }
    return rendering.await();
  }

  private void renderInTurn(Object key, Rendering rendering, Renderer renderer)
      throws IOException, InterruptedException {
    turn.lockInterruptibly();
    try {
      long pause;
      while ((pause = nextTurn - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.sleep(pause);
      }
      // From here on, scrapes for this key arrived after the rendering began: they wait for the
      // next one.
      int answers = close(key, rendering);
      long start = cpuTime();
      Answer answer = renderer.render();
      answer.shareAmong(answers);
      rendering.complete(answer);
      long cost = cpuTime() - start;
      nextTurn = System.nanoTime() + Math.max(PAUSE_FACTOR * cost, answers * PAUSE_PER_ANSWER);
    } finally {
      turn.unlock();
    }
  }

  /** The calling thread's CPU time, or the wall clock where the JVM cannot tell it. */
  private static long cpuTime() {
    return THREADS.isCurrentThreadCpuTimeSupported()
        ? THREADS.getCurrentThreadCpuTime()
        : System.nanoTime();
  }

  /** Takes the rendering out of the waiting ones; returns how many scrapes it answers. */
  private int close(Object key, Rendering rendering) {
    synchronized (waiting) {
      waiting.remove(key, rendering);
      return rendering.answers;
    }
  }

  /**
   * One rendering and the scrapes waiting for it. Not a {@code CompletableFuture}: its class
   * initialisation brings up the common {@code ForkJoinPool} (~20 classes) in applications that
   * never use it.
   */
  private static final class Rendering {
    /** The scrapes this rendering answers; guarded by the waiting map. */
    int answers = 1;

    private final CountDownLatch done = new CountDownLatch(1);

    /** Written once before {@link #done} opens, read after: the latch orders them. */
    private Answer answer;

    private Throwable failure;

    void complete(Answer rendered) {
      answer = rendered;
      done.countDown();
    }

    /** Once only, as a future completes once: an answer already given stands. */
    void fail(Throwable cause) {
      if (done.getCount() != 0) {
        failure = cause;
        done.countDown();
      }
    }

    /** The answer, or what the rendering threw: each scrape that shared it answers alike. */
    Answer await() throws IOException, InterruptedException {
      if (done.getCount() != 0) {
        done.await(); // an answer already there is returned even to an interrupted thread
      }
      if (failure == null) {
        return answer;
      }
      if (failure instanceof IOException) {
        throw (IOException) failure;
      }
      if (failure instanceof RuntimeException) {
        throw (RuntimeException) failure;
      }
      if (failure instanceof Error) {
        throw (Error) failure;
      }
      throw new IOException("the shared rendering failed: " + failure, failure);
    }
  }
}
