package io.github.statusexporter.server;

import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<String> log = new CopyOnWriteArrayList<>();

  private HttpResponse<String> get(MetricsServer server, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesALandingPageHealthAndMetricsAndNothingElse() throws Exception {
    try (MetricsServer server =
        MetricsServer.start(
            Optional.of("127.0.0.1"),
            0,
            new PrometheusRegistry(),
            "1.2.3",
            WebSecurity.none(),
            line -> {})) {
      HttpResponse<String> landing = get(server, "/");
      assertThat(landing.statusCode()).isEqualTo(200);
      assertThat(landing.body())
          .contains("status-exporter 1.2.3")
          .contains("href=\"metrics\"")
          .contains("href=\"-/healthy\"")
          .contains("href=\"-/sources\"");
      assertThat(get(server, "/-/healthy").statusCode()).isEqualTo(200);
      assertThat(get(server, "/metrics").statusCode()).isEqualTo(200);
      assertThat(get(server, "/nope").statusCode()).isEqualTo(404);
      assertThat(get(server, "/metricsx/y").statusCode()).isEqualTo(404);
      assertThat(get(server, "/metrics/").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theSourcesPageIsHtmlForABrowserAndJsonForAnythingElse() throws Exception {
    SourcesPage page =
        new SourcesPage() {
          @Override
          public byte[] json() {
            return "{}".getBytes(StandardCharsets.UTF_8);
          }

          @Override
          public byte[] html() {
            return "<p>sources</p>".getBytes(StandardCharsets.UTF_8);
          }
        };
    try (MetricsServer server =
        MetricsServer.start(
            Optional.of("127.0.0.1"),
            0,
            new PrometheusRegistry(),
            "1.2.3",
            WebSecurity.none(),
            line -> {},
            page)) {
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/-/sources");
      HttpResponse<String> json = get(server, "/-/sources");
      HttpResponse<String> html =
          client.send(
              HttpRequest.newBuilder(uri)
                  .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(json.body()).isEqualTo("{}");
      assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(html.body()).isEqualTo("<p>sources</p>");
      assertThat(html.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
      assertThat(html.headers().firstValue("Content-Security-Policy"))
          .hasValue("default-src 'none'; style-src 'unsafe-inline'");
    }
  }

  /** A registry whose collection blocks until released, and counts how often it ran. */
  private static final class BlockingRegistry {
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger collections = new AtomicInteger();
    final PrometheusRegistry registry = new PrometheusRegistry();

    BlockingRegistry() {
      registry.register(
          (MultiCollector)
              () -> {
                collections.incrementAndGet();
                try {
                  release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return MetricSnapshots.of();
              });
    }
  }

  /** The first non-null value of {@code probe}, polled for up to ten seconds. */
  private static <T> T waitFor(Supplier<T> probe) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("not within 10 s");
  }

  private MetricsServer start(PrometheusRegistry registry) throws Exception {
    return MetricsServer.start(
        Optional.of("127.0.0.1"), 0, registry, "1.2.3", WebSecurity.none(), log::add);
  }

  private CompletableFuture<HttpResponse<String>> getAsync(MetricsServer server, String path) {
    return client.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void scrapesBeyondTheLimitGetAFast503() throws Exception {
    BlockingRegistry blocking = new BlockingRegistry();
    int extra = 3;
    try (MetricsServer server = start(blocking.registry)) {
      List<CompletableFuture<HttpResponse<String>>> scrapes = new ArrayList<>();
      for (int i = 0; i < MetricsServer.CONCURRENT_SCRAPES + extra; i++) {
        scrapes.add(getAsync(server, "/metrics"));
      }
      List<HttpResponse<String>> refused =
          waitFor(
              () -> {
                List<HttpResponse<String>> done = new ArrayList<>();
                for (CompletableFuture<HttpResponse<String>> scrape : scrapes) {
                  if (scrape.isDone()) {
                    done.add(scrape.join());
                  }
                }
                return done.size() == extra ? done : null;
              });

      assertThat(refused).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(503));
      assertThat(refused.get(0).headers().firstValue("Retry-After")).hasValue("1");
      assertThat(get(server, "/-/healthy").statusCode()).isEqualTo(200);
      blocking.release.countDown();
      long served =
          scrapes.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
      assertThat(served).isEqualTo(MetricsServer.CONCURRENT_SCRAPES);
      assertThat(get(server, "/metrics?name[]=status_exporter_scrapes_refused_total").body())
          .contains("status_exporter_scrapes_refused_total{reason=\"too_many_scrapes\"} 3.0");
      assertThat(log)
          .singleElement()
          .asString()
          .startsWith("the metrics server refused or closed requests to protect the application")
          .contains("(too_many_scrapes)");
    }
  }

  @Test
  void scrapesThatArriveWhileOneIsRenderedShareTheNextRendering() throws Exception {
    BlockingRegistry blocking = new BlockingRegistry();
    try (MetricsServer server = start(blocking.registry)) {
      CompletableFuture<HttpResponse<String>> first = getAsync(server, "/metrics");
      waitFor(() -> blocking.collections.get() == 1 ? true : null);
      List<CompletableFuture<HttpResponse<String>>> later = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        later.add(getAsync(server, "/metrics"));
      }
      Thread.sleep(500); // all ten are in and waiting for the next rendering
      blocking.release.countDown();

      assertThat(first.join().statusCode()).isEqualTo(200);
      assertThat(later).allSatisfy(s -> assertThat(s.join().statusCode()).isEqualTo(200));
      assertThat(blocking.collections.get()).isEqualTo(2);
    }
  }

  @Test
  void connectionsThatNeverFinishTheirHeadCannotKeepAScrapeOut() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try (MetricsServer server = start(new PrometheusRegistry())) {
      for (int i = 0; i < 2 * ServerThreads.MAX_THREADS; i++) {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes());
        slow.add(socket);
      }
      Thread.sleep(500); // the server has taken them all in

      long start = System.nanoTime();
      HttpResponse<String> scrape = get(server, "/metrics");

      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
      assertThat(scrape.body())
          .contains("status_exporter_connections_dropped_total{reason=\"evicted\"}");
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void answersWrittenIntoReusedBuffersAreNeverMixedWithOthers() throws Exception {
    // Every sample of a rendering holds that rendering's number: each body is one whole rendering
    // made after the last, through answers written into reused buffers (when a shared buffer is
    // given back is SharedRenderingsTest's: a race here could not be forced).
    AtomicInteger renderings = new AtomicInteger();
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(
        (MultiCollector)
            () -> {
              int rendering = renderings.incrementAndGet();
              GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name("rendering");
              for (int i = 0; i < 2_000; i++) {
                gauge.dataPoint(
                    GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("sample", Integer.toString(i)))
                        .value(rendering)
                        .build());
              }
              return MetricSnapshots.of(gauge.build());
            });
    try (MetricsServer server = start(registry)) {
      List<CompletableFuture<List<String>>> scrapers = new ArrayList<>();
      for (int scraper = 0; scraper < 4; scraper++) {
        scrapers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  List<String> bodies = new ArrayList<>();
                  for (int i = 0; i < 30; i++) {
                    bodies.add(getAsync(server, "/metrics?name[]=rendering").join().body());
                  }
                  return bodies;
                }));
      }
      Set<String> values = new HashSet<>();
      for (CompletableFuture<List<String>> scraper : scrapers) {
        for (String body : scraper.get(60, TimeUnit.SECONDS)) {
          List<String> samples =
              body.lines().filter(line -> line.startsWith("rendering{")).collect(toList());
          assertThat(samples).hasSize(2_000);
          Set<String> inBody =
              samples.stream()
                  .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                  .collect(toSet());
          assertThat(inBody).hasSize(1);
          values.addAll(inBody);
        }
      }
      assertThat(values).hasSizeGreaterThan(10); // renderings followed each other
    }
  }

  @Test
  void aGzipScrapeIsTheSameAnswerGzippedEachTime() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(
        (MultiCollector)
            () -> {
              GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name("sample").help("Samples");
              for (int i = 0; i < 500; i++) {
                gauge.dataPoint(
                    GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("n", Integer.toString(i)))
                        .value(i)
                        .build());
              }
              return MetricSnapshots.of(gauge.build());
            });
    try (MetricsServer server = start(registry)) {
      String plain = get(server, "/metrics").body();
      for (String accept : List.of("text/plain", "application/openmetrics-text", "text/plain")) {
        HttpResponse<byte[]> gzipped =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .header("Accept", accept)
                    .header("Accept-Encoding", "br;q=1.0, gzip;q=0.8")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String body;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
          body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (accept.equals("text/plain")) {
          assertThat(body).isEqualTo(plain);
        } else {
          assertThat(body).contains("sample{n=\"499\"} 499.0\n").endsWith("# EOF\n");
        }
      }
    }
  }
}
