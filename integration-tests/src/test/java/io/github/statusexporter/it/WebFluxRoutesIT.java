package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.count;
import static io.github.statusexporter.it.RequestSeries.routes;
import static io.github.statusexporter.it.RequestSeries.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Request metrics of a Spring Boot 3 WebFlux application on Reactor Netty, built from Maven Central
 * and launched as its users launch it ({@code java -jar app.jar --server.port=N}), with a base path
 * ({@code spring.webflux.base-path=/api}): WebFlux's templates after the base path. One launch with
 * the agent shared by the tests, each looking at what its own requests added; and one without, to
 * compare the answers. The agent reads the application's {@code /api/actuator/health} at each
 * scrape: none of those reads may count.
 *
 * <p>On the first JDK only (~21 s of each run): the routes are Spring's and the agent's, not the
 * JDK's; on the second JDK, {@code ReactorNettyRoutesIT} weaves the same server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("first-jdk-only")
class WebFluxRoutesIT {
  private static final String COUNT = RequestSeries.COUNT;
  private static final String ACTIVE = RequestSeries.ACTIVE_GETS;
  private static final List<String> BASE_PATH = List.of("--spring.webflux.base-path=/api");

  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private final int plainPort = Http.freePort();
  private final RequestSeries series = new RequestSeries(agentPort);
  private JavaProcess process;
  private JavaProcess plain;

  @BeforeAll
  void launch() throws Exception {
    // The same application without the agent, started alongside: its answers are the reference.
    CompletableFuture<JavaProcess> withoutAgent =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return JavaProcess.springBootApp(
                    SpringBootApp.BOOT_3_WEBFLUX, plainPort, null, BASE_PATH);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      process =
          JavaProcess.springBootApp(
              SpringBootApp.BOOT_3_WEBFLUX,
              appPort,
              "port=" + agentPort + ",source=http://localhost:" + appPort + "/api/actuator/health",
              BASE_PATH);
    } finally {
      plain = withoutAgent.join();
    }
    process.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
    Wait.until(
        "the first request recorded",
        Duration.ofSeconds(30),
        () -> {
          get("/api/hello/warm-up");
          return series.counts().get(count("200", "/api/hello/{name}"));
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
  void theAgentSaysItMeasuresReactorNettyAndSpringWebFlux() {
    RequestSeries.assertMeasured(process, agentPort, "Reactor Netty", "Spring WebFlux");
  }

  @Test
  void pathsOfOneTemplateAreOneSeriesOfThatTemplateAfterTheBasePath() {
    Map<String, Double> before = series.counts();
    for (String name : List.of("alice", "bob", "carol", "dave", "eve")) {
      assertThat(get("/api/hello/" + name)).isEqualTo(200);
    }

    series.awaitAdded(before, Map.of(count("200", "/api/hello/{name}"), 5.0));
    assertThat(routes(Scrape.of(agentPort))).noneMatch(route -> route.contains("alice"));
  }

  @Test
  void aHandlerThatThrowsKeepsItsTemplateWithThe500TheClientSaw() {
    Map<String, Double> before = series.counts();
    assertThat(get("/api/fail/1")).isEqualTo(500);
    assertThat(get("/api/fail/2")).isEqualTo(500);

    series.awaitAdded(before, Map.of(count("500", "/api/fail/{code}"), 2.0));
  }

  @Test
  void aSlowAnswerLastsUntilItIsSent() {
    Map<String, Double> sums = series.sums();
    Map<String, Double> before = series.counts();
    assertThat(get("/api/slow/400")).isEqualTo(200);

    series.awaitAdded(before, Map.of(count("200", "/api/slow/{millis}"), 1.0));
    assertThat(series.addedSum(sums, sum("200", "/api/slow/{millis}"))).isBetween(0.4, 5.0);
  }

  @Test
  void aStreamedAnswerEndsWhenItsStreamEnds() {
    Map<String, Double> sums = series.sums();
    Map<String, Double> before = series.counts();
    HttpResponse<String> response = Http.get(url("/api/stream/6"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("data:element 5");

    series.awaitAdded(before, Map.of(count("200", "/api/stream/{count}"), 1.0));
    // Six elements 50 ms apart: the last one is sent 300 ms after the request.
    assertThat(series.addedSum(sums, sum("200", "/api/stream/{count}"))).isBetween(0.3, 5.0);
  }

  @Test
  void aStreamTheClientAbandonsIsRecordedOnceAndIsNoLongerActive() throws Exception {
    Map<String, Double> before = series.counts();
    Http.getAndGoAway(
        appPort,
        "/api/stream/1000",
        "data:element 2",
        // Fifty seconds of stream to go: it is in flight.
        () -> assertThat(Scrape.of(agentPort).value(ACTIVE)).isEqualTo(1.0));

    Scrape.awaitValue(agentPort, ACTIVE, 0.0, Duration.ofSeconds(10));
    // The status the client saw before it went away.
    series.awaitAdded(before, Map.of(count("200", "/api/stream/{count}"), 1.0));
  }

  @Test
  void aFunctionalRouteHasItsPattern() {
    Map<String, Double> before = series.counts();
    assertThat(get("/api/fn/1")).isEqualTo(200);
    assertThat(get("/api/fn/2")).isEqualTo(200);

    series.awaitAdded(before, Map.of(count("200", "/api/fn/{id}"), 2.0));
  }

  @Test
  void anUnknownPathGetsThePatternOfSpringsStaticResourceHandler() {
    Map<String, Double> before = series.counts();
    assertThat(get("/api/no/such/page")).isEqualTo(404);
    assertThat(get("/api/actuator/no-such-endpoint")).isEqualTo(404);

    series.awaitAdded(before, Map.of(count("404", "/api/**"), 2.0));
  }

  @Test
  void aRequestNoHandlerTookGetsTheServersRoot() throws Exception {
    Map<String, Double> before = series.counts();
    // Outside the base path: WebFlux answers before any handler mapping.
    assertThat(get("/elsewhere")).isEqualTo(404);
    // Refused by a WebFilter, as Spring Security refuses, before any handler is chosen.
    assertThat(get("/api/admin/users")).isEqualTo(403);
    // No handler takes an unknown method; it counts as _OTHER.
    HttpResponse<String> unknownMethod =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/api/hello/x")))
                    .method("FOO", HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(unknownMethod.statusCode()).isEqualTo(405);

    series.awaitAdded(
        before,
        Map.of(
            count("404", "/"),
            1.0,
            count("403", "/"),
            1.0,
            COUNT
                + "http_request_method=\"_OTHER\",http_response_status_code=\"405\","
                + "http_route=\"/\",url_scheme=\"http\"}",
            1.0));
  }

  @Test
  void actuatorHealthHasItsOwnRouteAndTheAgentsReadsOfItDoNotCount() {
    Map<String, Double> before = series.counts();
    assertThat(get("/api/actuator/health")).isEqualTo(200);
    assertThat(get("/api/actuator/health")).isEqualTo(200);
    Scrape.of(agentPort); // one more read of /api/actuator/health by the agent

    series.awaitAdded(before, Map.of(count("200", "/api/actuator/health"), 2.0));
  }

  @Test
  void aScanOfThousandsOfUrlsAddsNoSeries() {
    Map<String, Double> start = series.counts();
    assertThat(get("/api/hello/x")).isEqualTo(200);
    assertThat(get("/api/fn/x")).isEqualTo(200);
    assertThat(get("/api/no/such/x")).isEqualTo(404);
    assertThat(get("/x")).isEqualTo(404);
    series.awaitAdded(
        start,
        Map.of(
            count("200", "/api/hello/{name}"), 1.0,
            count("200", "/api/fn/{id}"), 1.0,
            count("404", "/api/**"), 1.0,
            count("404", "/"), 1.0));
    Map<String, Double> before = series.counts();

    Http.getAll(
        2_000,
        i ->
            url(
                switch (i % 4) {
                  case 0 -> "/api/hello/" + i;
                  case 1 -> "/api/no/such/" + i + "?q=" + i;
                  case 2 -> "/scan/" + i;
                  default -> "/api/fn/" + i;
                }));

    series.awaitAdded(
        before,
        Map.of(
            count("200", "/api/hello/{name}"), 500.0,
            count("404", "/api/**"), 500.0,
            count("404", "/"), 500.0,
            count("200", "/api/fn/{id}"), 500.0));
    assertThat(series.counts().keySet()).isEqualTo(before.keySet());
    assertThat(Scrape.of(agentPort).value(ACTIVE)).isEqualTo(0.0);
  }

  @Test
  void theApplicationAnswersAsItDoesWithoutTheAgent() {
    for (String path :
        List.of(
            "/api/hello/bob",
            "/api/fail/1",
            "/api/slow/10",
            "/api/stream/3",
            "/api/fn/7",
            "/api/no/such",
            "/elsewhere",
            "/api/admin/users",
            "/api/actuator/health")) {
      assertThat(answer(process, appPort, path)).as(path).isEqualTo(answer(plain, plainPort, path));
    }
  }

  /** Status, content type and body, without what differs between any two answers (time, id). */
  private static String answer(JavaProcess app, int port, String path) {
    HttpResponse<String> response;
    try {
      response = Http.get("http://localhost:" + port + path);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "no answer to " + path + " on " + port + "; the app wrote: " + app.stdout(), e);
    }
    return response.statusCode()
        + " "
        + response.headers().firstValue("Content-Type").orElse("")
        + "\n"
        + response
            .body()
            .replaceAll("\"timestamp\":\"[^\"]*\"", "")
            .replaceAll("\"requestId\":\"[^\"]*\"", "");
  }

  private int get(String path) {
    return Http.get(url(path)).statusCode();
  }

  private String url(String path) {
    return "http://localhost:" + appPort + path;
  }
}
