package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServerThreadsTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ServerMetrics metrics = new ServerMetrics(registry, new OncePerMinute(line -> {}));

  /** A request whose head never comes, as the JDK server's is: it ends when interrupted. */
  private static Runnable headThatNeverComes(AtomicInteger waiting) {
    return () -> {
      waiting.incrementAndGet();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        // dropped: the JDK server would close the connection here
      } finally {
        waiting.decrementAndGet();
      }
    };
  }

  @Test
  void aBurstOfHeadsThatNeverComeLeavesRoomForTheNextRequest() throws Exception {
    AtomicInteger waiting = new AtomicInteger();
    int burst = 4 * ServerThreads.MAX_THREADS;
    int rejected = 0;
    try (ServerThreads threads = new ServerThreads(metrics)) {
      // As the JDK server's dispatcher hands them over: faster than threads start.
      for (int i = 0; i < burst; i++) {
        try {
          threads.execute(headThatNeverComes(waiting));
        } catch (RejectedExecutionException e) {
          rejected++;
        }
      }
      long kept = burst - dropped("evicted") - dropped("overloaded");
      long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (waiting.get() != kept && System.nanoTime() < settle) {
        Thread.sleep(10);
      }
      assertThat(waiting.get()).isEqualTo(kept);
      assertThat(kept).isLessThanOrEqualTo(ServerThreads.MAX_THREADS);
      assertThat(dropped("overloaded")).isEqualTo(rejected);

      // A thread that just ended a dropped request may not be back in the pool yet: a moment.
      CountDownLatch scraped = new CountDownLatch(1);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (true) {
        try {
          threads.execute(scraped::countDown);
          break;
        } catch (RejectedExecutionException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(10);
        }
      }

      assertThat(scraped.await(2, TimeUnit.SECONDS)).isTrue();
    }
  }

  private long dropped(String reason) {
    MetricSnapshots snapshots = registry.scrape();
    CounterSnapshot counter =
        (CounterSnapshot)
            snapshots.stream()
                .filter(
                    s -> s.getMetadata().getName().equals("status_exporter_connections_dropped"))
                .findFirst()
                .orElseThrow();
    return counter.getDataPoints().stream()
        .filter(p -> p.getLabels().get("reason").equals(reason))
        .mapToLong(p -> (long) p.getValue())
        .sum();
  }
}
