package io.github.statusexporter.bench;

import java.util.concurrent.TimeUnit;

/**
 * A probe polling one page of a launched JVM from its launch on, on a thread of its own, until the
 * page first answers 200: a readiness probe, or a Prometheus waiting for a new target's {@code
 * /metrics}. Several run at once, as they do against a real deployment, so that the agent's start
 * is measured while both the application and the agent are asked.
 */
final class Probe {
  private final Launch launch;
  private final String url;
  private final long intervalNanos;
  private final Thread thread;
  private volatile double millis = Double.NaN;

  private Probe(Launch launch, String url, long intervalMillis) {
    this.launch = launch;
    this.url = url;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    this.thread = new Thread(this::run, "probe " + url);
    thread.setDaemon(true);
  }

  /** Starts polling {@code url} every {@code intervalMillis}, counted from the launch. */
  static Probe start(Launch launch, String url, long intervalMillis) {
    Probe probe = new Probe(launch, url, intervalMillis);
    probe.thread.start();
    return probe;
  }

  private void run() {
    long next = launch.startNanos;
    while (!Thread.currentThread().isInterrupted() && launch.process.isAlive()) {
      if (Launch.answersOk(url)) {
        millis = (System.nanoTime() - launch.startNanos) / 1e6;
        return;
      }
      // On a fixed schedule from the launch (a slow refusal does not shift the next poll).
      next += intervalNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
          return;
        }
      } else {
        next = System.nanoTime();
      }
    }
  }

  /** Milliseconds from the launch to the first 200; fails after 60 s or if the JVM exited. */
  double awaitMillis() throws Exception {
    thread.join(TimeUnit.SECONDS.toMillis(60));
    if (Double.isNaN(millis)) {
      thread.interrupt();
      throw new IllegalStateException(
          url
              + (launch.process.isAlive()
                  ? " did not answer within 60 s"
                  : " did not answer: the JVM exited with " + launch.process.exitValue())
              + launch.lastOutput());
    }
    return millis;
  }

  /** Stops polling (for a page that will never answer: no agent, no /metrics). */
  void stop() throws InterruptedException {
    thread.interrupt();
    thread.join();
  }
}
