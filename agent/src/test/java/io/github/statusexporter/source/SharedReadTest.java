package io.github.statusexporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedReadTest {
  private final LocalStatusServer server = new LocalStatusServer();
  private final ExecutorService reader = Executors.newSingleThreadExecutor();
  private final ExecutorService scrapers = Executors.newFixedThreadPool(8);

  SharedReadTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
    reader.shutdownNow();
    scrapers.shutdownNow();
  }

  private SharedRead sharedRead(Duration timeout) {
    return new SharedRead(
        new HttpStatusSource(server.uri(), Duration.ofSeconds(5), "test", java.util.Map.of(), null),
        timeout,
        reader);
  }

  @Test
  void concurrentScrapesShareOneReadInFlight() throws Exception {
    server.answer(200, "{\"current_requests\": 1}").delay(300);
    SharedRead read = sharedRead(Duration.ofSeconds(2));

    List<Future<Reading>> scrapes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      scrapes.add(scrapers.submit(() -> read.await(read.begin(), System.nanoTime())));
    }
    for (Future<Reading> scrape : scrapes) {
      assertThat(scrape.get().records().get(0).get(FieldPath.parse("current_requests")))
          .isEqualTo(1.0);
    }

    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void aScrapeWaitsNoLongerThanTheTimeout() {
    server.answer(200, "{}").delay(3_000);
    SharedRead read = sharedRead(Duration.ofMillis(200));

    long start = System.nanoTime();
    assertThatThrownBy(() -> read.await(read.begin(), System.nanoTime()))
        .isInstanceOf(SourceException.class)
        .hasMessage("no answer within 200 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aReadStuckPastTheTimeoutIsNotJoinedByASecondOne() throws Exception {
    server.answer(200, "{}").delay(1_000);
    SharedRead read = sharedRead(Duration.ofMillis(100));

    CompletableFuture<Reading> first = read.begin();
    assertThatThrownBy(() -> read.await(first, System.nanoTime()))
        .isInstanceOf(SourceException.class);
    assertThat(read.begin()).isSameAs(first);

    first.get();
    assertThat(read.begin()).isNotSameAs(first);
  }

  @Test
  void sourcesReadSideBySideShareOneDeadline() {
    server.answer(200, "{}").delay(3_000);
    SharedRead read = sharedRead(Duration.ofMillis(500));
    long scrapeStartedLongAgo = System.nanoTime() - Duration.ofSeconds(1).toNanos();

    long start = System.nanoTime();
    assertThatThrownBy(() -> read.await(read.begin(), scrapeStartedLongAgo))
        .hasMessage("no answer within 500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(400));
  }

  @Test
  void aFailedReadIsReportedWithItsReason() {
    server.answer(503, "");
    SharedRead read = sharedRead(Duration.ofSeconds(2));

    assertThatThrownBy(() -> read.await(read.begin(), System.nanoTime()))
        .isInstanceOf(SourceException.class)
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(FailureReason.HTTP_STATUS);
  }
}
