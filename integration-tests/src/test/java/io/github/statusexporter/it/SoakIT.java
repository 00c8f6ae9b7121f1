package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A minute of load: the demo app under wrk while 20 scrapers scrape it. No scrape and no
 * application request may fail, and the heap after a full GC must not grow across the run. On the
 * first JDK only: a minute of CI's time, for code that the other tests run on both JDKs.
 */
@Tag("first-jdk-only")
class SoakIT {
  private static final Duration RUN = Duration.ofSeconds(60);
  private static final int SCRAPERS = 20;
  private static final String HEAP = "jvm_memory_used_bytes{area=\"heap\"}";

  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();

  @Test
  void aMinuteOfLoadAndTwentyScrapersFailsNothingAndLeavesTheHeapFlat() throws Exception {
    boolean wrk =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(dir -> Files.isExecutable(Paths.get(dir, "wrk")));
    if (!wrk && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("wrk is missing on CI: .ci/run must install it");
    }
    assumeThat(wrk).as("wrk not found: apt-get install wrk to run the soak").isTrue();

    try (JavaProcess app =
        JavaProcess.demoApp(
            appPort, "port=" + agentPort + ",source=http://localhost:" + appPort + "/status")) {
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      Process load =
          new ProcessBuilder(
                  "wrk",
                  "-t1",
                  "-c8",
                  "-d" + RUN.toSeconds() + "s",
                  "http://127.0.0.1:" + appPort + "/work?ms=1")
              .redirectErrorStream(true)
              .start();

      AtomicInteger scrapes = new AtomicInteger();
      AtomicInteger failures = new AtomicInteger();
      java.util.concurrent.atomic.AtomicReference<String> firstFailure =
          new java.util.concurrent.atomic.AtomicReference<>();
      long end = System.nanoTime() + RUN.toNanos();
      ExecutorService scrapers = Executors.newFixedThreadPool(SCRAPERS);
      for (int i = 0; i < SCRAPERS; i++) {
        scrapers.execute(() -> scrapeUntil(end, scrapes, failures, firstFailure));
      }
      List<Double> heap = new ArrayList<>();
      while (System.nanoTime() < end) {
        heap.add(heapAfterGc(app));
        Thread.sleep(8_000);
      }
      scrapers.shutdown();
      assertThat(scrapers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      String wrkOutput = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
      heap.add(heapAfterGc(app));

      assertThat(failures.get())
          .as("failed scrapes of " + scrapes.get() + ", the first: " + firstFailure.get())
          .isZero();
      assertThat(scrapes.get()).isGreaterThan(SCRAPERS * 100);
      assertThat(wrkOutput)
          .contains("requests in")
          .doesNotContain("Non-2xx")
          .doesNotContain("Socket errors");
      // Flat: the second half of the run never above the first half's peak by more than a
      // quarter (and a few MiB of slack for the JIT's and the collector's own noise).
      double firstHalfPeak = heap.subList(0, heap.size() / 2).stream().max(Double::compare).get();
      double secondHalfPeak =
          heap.subList(heap.size() / 2, heap.size()).stream().max(Double::compare).get();
      assertThat(secondHalfPeak)
          .as("heap after GC over the run: " + heap)
          .isLessThan(firstHalfPeak * 1.25 + 8 * 1024 * 1024);
    }
  }

  private void scrapeUntil(
      long end,
      AtomicInteger scrapes,
      AtomicInteger failures,
      java.util.concurrent.atomic.AtomicReference<String> firstFailure) {
    while (System.nanoTime() < end) {
      try {
        int status = Http.get("http://localhost:" + agentPort + "/metrics").statusCode();
        if (status != 200) {
          failures.incrementAndGet();
          firstFailure.compareAndSet(null, "HTTP " + status);
        }
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, String.valueOf(e));
      }
      scrapes.incrementAndGet();
      Wait.sleep(50);
    }
  }

  /**
   * The heap right after a full GC, the lower of two readings: with 20 scrapers, the scrape that
   * reads it may wait for the agent's next rendering while the application allocates.
   */
  private double heapAfterGc(JavaProcess app) throws Exception {
    double lowest = Double.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      app.jcmd("GC.run");
      lowest = Math.min(lowest, Scrape.of(agentPort).value(HEAP));
    }
    return lowest;
  }
}
