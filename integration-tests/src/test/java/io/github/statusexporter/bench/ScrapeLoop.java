package io.github.statusexporter.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes like a Prometheus server, on a thread of its own, at a fixed interval until closed: the
 * load an application sees from its agent while it serves.
 */
final class ScrapeLoop {
  private final ScrapeClient client;
  private final ScrapeFormat format;
  private final long intervalNanos;
  private final List<Double> millis = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile IOException failure;

  ScrapeLoop(String metricsUrl, int perSecond) throws IOException {
    this(metricsUrl, ScrapeFormat.OPENMETRICS_GZIP, perSecond);
  }

  /** As above, asking as {@code format} says; also a paced probe of an application's page. */
  ScrapeLoop(String url, ScrapeFormat format, int perSecond) throws IOException {
    this.client = new ScrapeClient(url);
    this.format = format;
    this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    this.thread = new Thread(this::run, "scrape-loop");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    long next = System.nanoTime();
    while (running) {
      try {
        long start = System.nanoTime();
        client.scrape(format);
        synchronized (millis) {
          millis.add((System.nanoTime() - start) / 1e6);
        }
      } catch (IOException e) {
        failure = e;
        return;
      }
      next += intervalNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Stops scraping; returns the scrapes' latencies in milliseconds. */
  List<Double> stop() throws IOException, InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(15));
    if (failure != null) {
      throw failure;
    }
    synchronized (millis) {
      return new ArrayList<>(millis);
    }
  }
}
