package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.count;
import static io.github.statusexporter.it.RequestSeries.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Request metrics of an Undertow server of plain handlers ({@code Handlers.routing()}), no
 * servlets, launched with {@code java -jar} and its libraries beside it. The route is the template
 * of the routing handler's route that took the request. The agent reads {@code /items/agent} as its
 * source at each scrape: none of those reads may count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UndertowHandlersIT {
  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private final RequestSeries series = new RequestSeries(agentPort);
  private JavaProcess process;

  @BeforeAll
  void launch() throws Exception {
    process =
        JavaProcess.undertowApp(
            appPort, "port=" + agentPort + ",source=http://localhost:" + appPort + "/items/agent");
    process.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
    Wait.until(
        "the first request recorded",
        Duration.ofSeconds(30),
        () -> {
          get("/items/warm-up");
          return series.counts().get(count("200", "/items/{id}"));
        });
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (process != null) {
      process.close();
    }
  }

  @Test
  void theAgentSaysItMeasuresUndertow() {
    RequestSeries.assertMeasured(process, agentPort, "Undertow");
  }

  /** The same application built for Undertow 1.4, a version the agent does not measure. */
  @Test
  void undertow14IsSaidOnceAndLeftAlone() throws Exception {
    int oldPort = Http.freePort();
    int oldAgentPort = Http.freePort();
    try (JavaProcess old =
        JavaProcess.undertowApp("undertow-1.4", oldPort, "port=" + oldAgentPort)) {
      old.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      assertThat(Http.get("http://localhost:" + oldPort + "/items/1").body()).isEqualTo("item 1\n");
      String notMeasured =
          "status-exporter: no request metrics for Undertow 1.4.28.Final:"
              + " the agent measures versions 2.x only";
      old.awaitStderr(notMeasured::equals, Duration.ofSeconds(10));
      Http.get("http://localhost:" + oldPort + "/items/2");

      assertThat(old.stderr())
          .filteredOn(line -> line.contains("request"))
          .containsExactly(notMeasured);
      assertThat(Scrape.of(oldAgentPort).text)
          .doesNotContain(RequestSeries.COUNT)
          .doesNotContain("status_exporter_server_info{")
          .contains("status_exporter_unmeasured_server_info{server=\"Undertow 1.4.28.Final\"} 1");
    }
  }

  @Test
  void pathsOfOneTemplateAreOneSeriesOfThatTemplateAndTheAgentsReadsDoNotCount() {
    Map<String, Double> before = series.counts();
    for (String id : List.of("1", "2", "42", "alice", "bob")) {
      assertThat(get("/items/" + id)).isEqualTo(200);
    }
    Scrape.of(agentPort); // one more read of /items/agent by the agent

    series.awaitAdded(before, Map.of(count("200", "/items/{id}"), 5.0));
  }

  @Test
  void aHandlerThatThrowsIsA500OfItsTemplate() {
    Map<String, Double> before = series.counts();
    assertThat(get("/fail/1")).isEqualTo(500);
    assertThat(get("/fail/2")).isEqualTo(500);

    series.awaitAdded(before, Map.of(count("500", "/fail/{code}"), 2.0));
  }

  @Test
  void aBlockingHandlerOnAWorkerThreadIsActiveAndTimedUntilItsResponseIsComplete() {
    Map<String, Double> before = series.counts();
    Map<String, Double> sumsBefore = series.sums();
    // The I/O thread's handler returns at once; the worker answers after 1.5 s.
    CompletableFuture<HttpResponse<String>> slow = Http.getAsync(url("/slow/1500"));
    Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 1.0, Duration.ofSeconds(5));
    assertThat(slow.join().statusCode()).isEqualTo(200);

    series.awaitAdded(before, Map.of(count("200", "/slow/{millis}"), 1.0));
    assertThat(series.addedSum(sumsBefore, sum("200", "/slow/{millis}"))).isBetween(1.5, 3.0);
    Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(10));
  }

  @Test
  void aStreamedAnswerEndsWhenItsStreamEndsAndOneItsClientLeftEndsThen() throws Exception {
    Map<String, Double> before = series.counts();
    Map<String, Double> sumsBefore = series.sums();
    assertThat(Http.get(url("/stream/5")).body())
        .isEqualTo("chunk 0\nchunk 1\nchunk 2\nchunk 3\nchunk 4\n");
    Http.getAndGoAway(
        appPort,
        "/stream/1000",
        "chunk 2",
        // Fifty seconds of stream to go: it is in flight.
        () -> assertThat(Scrape.of(agentPort).value(RequestSeries.ACTIVE_GETS)).isEqualTo(1.0));

    // The stream's write fails once the client has gone, which ends its exchange: recorded once,
    // with the 200 sent before.
    series.awaitAdded(before, Map.of(count("200", "/stream/{count}"), 2.0));
    Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(10));
    // 200 ms of stream, and at least 100 ms before the client went away.
    assertThat(series.addedSum(sumsBefore, sum("200", "/stream/{count}"))).isBetween(0.3, 5.0);
  }

  @Test
  void aRequestWhoseClientWentAwayIsRecordedOnceAndEnds() throws Exception {
    Map<String, Double> before = series.counts();
    try (Socket socket = new Socket("localhost", appPort)) {
      socket
          .getOutputStream()
          .write(
              ("GET /slow/1000 HTTP/1.1\r\nHost: localhost\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 1.0, Duration.ofSeconds(5));
    }

    // Undertow learns of it only when the worker writes its answer, which goes out as a 200 to a
    // closed connection: the status it sent, once, when its exchange completed.
    series.awaitAdded(before, Map.of(count("200", "/slow/{millis}"), 1.0));
    Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(10));
  }

  @Test
  void aPathNoRouteTakesGetsTheServersRoot() {
    Map<String, Double> before = series.counts();
    assertThat(get("/no/such/page")).isEqualTo(404);
    assertThat(get("/items")).isEqualTo(404);

    series.awaitAdded(before, Map.of(count("404", "/"), 2.0));
  }

  @Test
  void aScanOfThousandsOfUrlsAddsNoSeriesAndLeavesNoRequestActive() {
    assertThat(get("/items/x")).isEqualTo(200);
    assertThat(get("/fail/x")).isEqualTo(500);
    assertThat(get("/no/such/x")).isEqualTo(404);
    Wait.until(
        "the last request recorded",
        Duration.ofSeconds(10),
        () -> series.counts().get(count("404", "/")));
    Map<String, Double> before = series.counts();

    List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      String path =
          switch (i % 3) {
            case 0 -> "/items/" + i;
            case 1 -> "/no/such/" + i + "?q=" + i;
            default -> "/fail/" + i;
          };
      batch.add(Http.getAsync(url(path)));
      if (batch.size() == 50) {
        batch.forEach(CompletableFuture::join);
        batch.clear();
      }
    }
    batch.forEach(CompletableFuture::join);

    series.awaitAdded(
        before,
        Map.of(
            count("200", "/items/{id}"), 667.0,
            count("404", "/"), 667.0,
            count("500", "/fail/{code}"), 666.0));
    assertThat(series.counts().keySet()).isEqualTo(before.keySet());
    Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(10));
  }

  private int get(String path) {
    return Http.get(url(path)).statusCode();
  }

  private String url(String path) {
    return "http://localhost:" + appPort + path;
  }
}
