package io.github.statusexporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedReadTest {
  private final LocalStatusServer server = new LocalStatusServer();
  private final ExecutorService reader = Executors.newCachedThreadPool();
  private final ExecutorService scrapers = Executors.newFixedThreadPool(8);

  SharedReadTest() throws IOException {}

  @AfterEach
  void stop() {
    server.close();
    reader.shutdownNow();
    scrapers.shutdownNow();
  }

  private SharedRead sharedRead(Duration timeout) {
    return sharedRead(server.uri(), timeout);
  }

  /** An HTTP source whose socket timeouts (5 s) are far longer than the read's timeout. */
  private SharedRead sharedRead(URI uri, Duration timeout) {
    return new SharedRead(
        new HttpStatusSource(
            uri, Duration.ofSeconds(5), "test", java.util.Map.of(), null, AcceptedStatuses.DEFAULT),
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
  void aReadThatTricklesPastTheTimeoutIsAbandonedAndTheNextScrapeReadsAfresh() throws Exception {
    try (RawStatusServer trickling = new RawStatusServer()) {
      // Each byte well within the socket timeout of 5 s; the whole answer takes about 8 s.
      trickling.trickle("{\"current_requests\": 1}", 300);
      SharedRead read = sharedRead(trickling.uri(), Duration.ofMillis(500));

      long start = System.nanoTime();
      PendingRead first = read.begin();
      assertThatThrownBy(() -> read.await(first, start))
          .isInstanceOf(SourceException.class)
          .hasMessage("no answer within 500 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(first.isDone()).as("abandoned, not left in flight").isTrue();
      assertThat(trickling.awaitClientGone(5_000)).as("its connection closed").isTrue();

      trickling.trickle("{\"current_requests\": 2}", 0);
      PendingRead second = read.begin();
      assertThat(second).isNotSameAs(first);
      assertThat(read.await(second, System.nanoTime()).records().get(0).document())
          .containsEntry("current_requests", 2.0);
      assertThat(trickling.connections()).as("no retry of the abandoned request").isEqualTo(2);
    }
  }

  @Test
  void scrapesSharingAnAbandonedReadFailWithItAtOnce() throws Exception {
    try (RawStatusServer trickling = new RawStatusServer()) {
      trickling.trickle("{\"current_requests\": 1}", 300);
      SharedRead read = sharedRead(trickling.uri(), Duration.ofMillis(500));
      PendingRead first = read.begin();
      long firstStart = System.nanoTime();
      Thread.sleep(200);

      long joinedStart = System.nanoTime();
      Future<Reading> joined = scrapers.submit(() -> read.await(read.begin(), joinedStart));
      assertThatThrownBy(() -> read.await(first, firstStart)).isInstanceOf(SourceException.class);

      assertThatThrownBy(joined::get).hasCauseInstanceOf(SourceException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - joinedStart))
          .as("the joined scrape fails when the read is abandoned, not at its own deadline")
          .isLessThan(Duration.ofMillis(500));
    }
  }

  /** An MBean whose getter blocks until the test lets it go, as one stuck in an application. */
  public interface StuckMBean {
    double getValue() throws InterruptedException;
  }

  public static final class Stuck implements StuckMBean {
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public double getValue() throws InterruptedException {
      release.await();
      return 1;
    }
  }

  @Test
  void aReadThatCannotBeStoppedIsSharedUntilItEnds() throws Exception {
    MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName("test.sharedread:type=Stuck");
    Stuck stuck = new Stuck();
    platform.registerMBean(stuck, name);
    try {
      SharedRead read = new SharedRead(new MBeanStatusSource(name), Duration.ofMillis(100), reader);

      PendingRead first = read.begin();
      assertThatThrownBy(() -> read.await(first, System.nanoTime()))
          .isInstanceOf(SourceException.class)
          .hasMessage("no answer within 100 ms");
      assertThat(read.begin()).as("still in flight, never doubled").isSameAs(first);

      stuck.release.countDown();
      assertThat(read.await(first, System.nanoTime()).records()).hasSize(1);
      assertThat(read.begin()).isNotSameAs(first);
    } finally {
      stuck.release.countDown();
      platform.unregisterMBean(name);
    }
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

  @Test
  void aReadAbandonedAtItsTimeoutIsATimeoutEvenBehindTheNotHttpBackOff() throws Exception {
    try (RawStatusServer silent = new RawStatusServer()) {
      silent.trickle("{}", 10_000); // its first byte after ten seconds
      StatusSource source =
          new NotHttpBackOff(
              new HttpStatusSource(
                  silent.uri(),
                  Duration.ofSeconds(30),
                  "test",
                  java.util.Map.of(),
                  null,
                  AcceptedStatuses.DEFAULT));
      SharedRead read = new SharedRead(source, Duration.ofMillis(300), reader);

      for (int i = 0; i < 2; i++) {
        long start = System.nanoTime();
        PendingRead pending = read.begin();
        assertThatThrownBy(() -> read.await(pending, start))
            .extracting(e -> ((SourceException) e).reason())
            .isEqualTo(FailureReason.TIMEOUT);
        // Time for the abandoned read to end on its thread; the next is a read, not a pause
        // blamed on a debugger.
        Thread.sleep(300);
      }
      assertThat(silent.connections()).isEqualTo(2);
    }
  }
}
