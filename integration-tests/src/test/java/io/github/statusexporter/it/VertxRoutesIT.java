package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.count;
import static io.github.statusexporter.it.RequestSeries.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Request metrics of a Vert.x web application on Vert.x 4.5 and 5.0, a fat jar run by Vert.x's
 * launcher with {@code java -jar}. The route is the path of the route that took the request, after
 * the mount point of its sub-router, as Vert.x writes it ({@code /api/users/:id}). The agent reads
 * the app's {@code /health} as its source at each scrape: none of those reads may count. The JDK's
 * client of these tests upgrades each new connection to HTTP/2 (h2c), so most requests here are
 * HTTP/2 streams; the tests on a socket of their own are HTTP/1.1.
 *
 * <p>On the first JDK only (~18 s of each run): the routes are Vert.x's and the agent's, not the
 * JDK's; on the second JDK, {@code AttachToRunningServersIT} measures Vert.x 4's server.
 */
@Tag("first-jdk-only")
class VertxRoutesIT {
  @Nested
  class Vertx4 extends Routes {
    Vertx4() {
      super("vertx-web");
    }
  }

  /** Vert.x 5.0, whose HTTP server has the classes of 4.5: the same application, built on 5.0. */
  @Nested
  class Vertx5 extends Routes {
    Vertx5() {
      super("vertx5-web");
    }
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Routes {
    private final String module;
    private final int appPort = Http.freePort();
    private final int agentPort = Http.freePort();
    private final int plainPort = Http.freePort();
    private final RequestSeries series = new RequestSeries(agentPort);
    private JavaProcess process;
    private JavaProcess plain;

    Routes(String module) {
      this.module = module;
    }

    @BeforeAll
    void launch() throws Exception {
      // The same application without the agent, started meanwhile, to compare answers with.
      CompletableFuture<JavaProcess> withoutAgent =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return JavaProcess.vertxApp(module, plainPort, null);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      process =
          JavaProcess.vertxApp(
              module,
              appPort,
              "port=" + agentPort + ",source=http://localhost:" + appPort + "/health");
      plain = withoutAgent.join();
      Wait.until(
          "the first request recorded",
          Duration.ofSeconds(30),
          () -> {
            get("/hello/warm-up");
            return series.counts().get(count("200", "/hello/:name"));
          });
    }

    @AfterAll
    void stop() throws InterruptedException {
      if (process != null) {
        process.close();
      }
      if (plain != null) {
        plain.close();
      }
    }

    @Test
    void theAgentSaysItMeasuresVertx() {
      RequestSeries.assertMeasured(process, agentPort, "Vert.x");
    }

    @Test
    void pathsOfOneRouteAreOneSeriesOfItsPathAndTheAgentsReadsDoNotCount() {
      Map<String, Double> before = series.counts();
      for (String name : List.of("alice", "bob", "carol", "dave")) {
        assertThat(get("/hello/" + name)).isEqualTo(200);
      }
      Scrape.of(agentPort); // the agent reads /health

      series.awaitAdded(before, Map.of(count("200", "/hello/:name"), 4.0));
    }

    @Test
    void aSubRoutersRouteIsItsMountPointAndPathAndANamedOrRegexRouteItsPath() {
      Map<String, Double> before = series.counts();
      assertThat(get("/api/users/1")).isEqualTo(200);
      assertThat(get("/api/users/2")).isEqualTo(200);
      assertThat(get("/orders/7")).isEqualTo(200); // setName("named"): the path, not the name
      assertThat(get("/files/12")).isEqualTo(200);

      series.awaitAdded(
          before,
          Map.of(
              count("200", "/api/users/:id"), 2.0,
              count("200", "/orders/:id"), 1.0,
              count("200", "/files/([0-9]+)"), 1.0));
    }

    @Test
    void aRouteThatFailsOrThrowsKeepsItsPathWithThe500VertxSent() {
      Map<String, Double> before = series.counts();
      assertThat(get("/fail/500")).isEqualTo(500);
      assertThat(get("/throw/1")).isEqualTo(500);
      assertThat(get("/fail/503")).isEqualTo(503);

      series.awaitAdded(
          before,
          Map.of(
              count("500", "/fail/:code"), 1.0,
              count("503", "/fail/:code"), 1.0,
              count("500", "/throw/:code"), 1.0));
    }

    @Test
    void aSlowAnswerFromATimerIsActiveAndTimedUntilItIsSent() {
      Map<String, Double> before = series.counts();
      Map<String, Double> sums = series.sums();
      CompletableFuture<HttpResponse<String>> slow = Http.getAsync(url("/slow/1200"));
      Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 1.0, Duration.ofSeconds(5));
      assertThat(slow.join().statusCode()).isEqualTo(200);

      series.awaitAdded(before, Map.of(count("200", "/slow/:millis"), 1.0));
      assertThat(series.addedSum(sums, sum("200", "/slow/:millis"))).isBetween(1.2, 3.0);
      Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(10));
    }

    @Test
    void aBlockingHandlerThatAnswersFromAWorkerThreadIsRecordedOnceWithItsDuration() {
      Map<String, Double> before = series.counts();
      Map<String, Double> sums = series.sums();
      assertThat(Http.get(url("/blocking/700")).body()).isEqualTo("blocking\n");

      series.awaitAdded(before, Map.of(count("200", "/blocking/:millis"), 1.0));
      assertThat(series.addedSum(sums, sum("200", "/blocking/:millis"))).isBetween(0.7, 3.0);
      Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(10));
    }

    @Test
    void aStreamedAnswerEndsWithItsLastChunk() {
      Map<String, Double> before = series.counts();
      Map<String, Double> sums = series.sums();
      HttpResponse<String> response = Http.get(url("/stream/8")); // 8 chunks, 50 ms apart
      assertThat(response.body()).endsWith("element 7\n");

      series.awaitAdded(before, Map.of(count("200", "/stream/:count"), 1.0));
      assertThat(series.addedSum(sums, sum("200", "/stream/:count"))).isBetween(0.35, 3.0);
    }

    @Test
    void aClientThatGoesAwayMidStreamIsRecordedOnceWithThe200ItSawAndEnds() throws Exception {
      Map<String, Double> before = series.counts();
      try (Socket socket = new Socket("localhost", appPort)) {
        socket
            .getOutputStream()
            .write(
                "GET /stream/60 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        String head = new String(in.readNBytes(15), StandardCharsets.US_ASCII);
        assertThat(head).isEqualTo("HTTP/1.1 200 OK");
        Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 1.0, Duration.ofSeconds(5));
      }

      series.awaitAdded(before, Map.of(count("200", "/stream/:count"), 1.0));
      Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(10));
    }

    @Test
    void anHttp2StreamTheClientCancelsMidAnswerIsRecordedOnceAndEnds() throws Exception {
      HttpClient client = HttpClient.newHttpClient();
      // The first request upgrades the connection to HTTP/2 (h2c): the next is a stream of it.
      assertThat(client.send(request("/hello/h2c"), BodyHandlers.ofString()).version())
          .isEqualTo(HttpClient.Version.HTTP_2);
      Map<String, Double> before = series.counts();

      HttpResponse<InputStream> streaming =
          client.send(request("/stream/60"), BodyHandlers.ofInputStream());
      try (InputStream body = streaming.body()) {
        assertThat(streaming.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(new String(body.readNBytes(10), StandardCharsets.US_ASCII))
            .isEqualTo("element 0\n");
        Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 1.0, Duration.ofSeconds(5));
      } // closing the body before its end resets the stream

      series.awaitAdded(before, Map.of(count("200", "/stream/:count"), 1.0));
      Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(10));
    }

    @Test
    void pipelinedRequestsOnOneHttp11ConnectionAreEachRecordedWithTheirRoute() throws Exception {
      Map<String, Double> before = series.counts();
      try (Socket socket = new Socket("localhost", appPort)) {
        socket
            .getOutputStream()
            .write(
                ("GET /slow/200 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        + "GET /api/users/3 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        + "GET /no/such/page HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answers).contains("slow\n", "user 3\n", "HTTP/1.1 404 Not Found");
      }

      series.awaitAdded(
          before,
          Map.of(
              count("200", "/slow/:millis"), 1.0,
              count("200", "/api/users/:id"), 1.0,
              count("404", "/"), 1.0));
    }

    @Test
    void aPathOrMethodNoRouteTakesGetsTheServersRootAndAScanAddsNoSeries() throws Exception {
      Map<String, Double> start = series.counts();
      assertThat(get("/no/such/page")).isEqualTo(404);
      // Taken by the sub-router's mount route /api/*, whose router has no route for it.
      assertThat(get("/api/nothing/here")).isEqualTo(404);
      // A method no route takes: vertx-web's 405, no route.
      assertThat(Http.post(url("/hello/x"), "").statusCode()).isEqualTo(405);
      // A method of no standard: counted as _OTHER.
      assertThat(
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(URI.create(url("/hello/x")))
                          .method("FOO", HttpRequest.BodyPublishers.noBody())
                          .build(),
                      BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(405);
      series.awaitAdded(
          start,
          Map.of(
              count("404", "/"), 1.0,
              count("404", "/api/*"), 1.0,
              count("POST", "405", "/"), 1.0,
              count("_OTHER", "405", "/"), 1.0));
      Map<String, Double> before = series.counts();

      Http.getAll(
          2_000,
          i ->
              url(
                  switch (i % 4) {
                    case 0 -> "/hello/" + i;
                    case 1 -> "/scan/" + i + "?q=" + i;
                    case 2 -> "/api/users/" + i;
                    default -> "/api/scan/" + i;
                  }));

      series.awaitAdded(
          before,
          Map.of(
              count("200", "/hello/:name"), 500.0,
              count("404", "/"), 500.0,
              count("200", "/api/users/:id"), 500.0,
              count("404", "/api/*"), 500.0));
      Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(10));
    }

    @Test
    void theApplicationAnswersTheSameWithAndWithoutTheAgent() {
      for (String path :
          List.of(
              "/hello/same",
              "/api/users/9",
              "/fail/500",
              "/throw/2",
              "/stream/3",
              "/orders/1",
              "/files/4",
              "/health",
              "/no/such/page",
              "/api/nothing")) {
        HttpResponse<String> withAgent = Http.get(url(path));
        HttpResponse<String> without = Http.get("http://localhost:" + plainPort + path);
        assertThat(withAgent.statusCode()).as(path).isEqualTo(without.statusCode());
        assertThat(withAgent.body()).as(path).isEqualTo(without.body());
        assertThat(withAgent.headers().firstValue("content-type"))
            .as(path)
            .isEqualTo(without.headers().firstValue("content-type"));
      }
    }

    private HttpRequest request(String path) {
      return HttpRequest.newBuilder(URI.create(url(path))).build();
    }

    private int get(String path) {
      return Http.get(url(path)).statusCode();
    }

    private String url(String path) {
      return "http://localhost:" + appPort + path;
    }
  }
}
