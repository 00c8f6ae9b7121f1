package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Routes of a Spring Boot 3 application on Boot's Undertow starter (embedded Undertow 2.3), built
 * from Maven Central and launched as its users launch it ({@code java -jar app.jar
 * --server.port=N}): Spring MVC's templates, as on Tomcat. One launch, shared by the tests; each
 * test looks at what its own requests added, so the tests do not depend on their order. The agent
 * reads the application's {@code /actuator/health} at each scrape: none of those reads may count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UndertowRoutesIT {
  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private final RequestSeries series = new RequestSeries(agentPort);
  private JavaProcess process;

  @BeforeAll
  void launch() throws Exception {
    process =
        JavaProcess.springBootApp(
            SpringBootApp.BOOT_3_UNDERTOW,
            appPort,
            "port=" + agentPort + ",source=http://localhost:" + appPort + "/actuator/health");
    process.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
    // Undertow's servlet layer is woven once the application has started: until then, requests
    // go unrecorded.
    Wait.until(
        "the first request recorded",
        Duration.ofSeconds(30),
        () -> {
          get("/hello/warm-up");
          return series.counts().get(count("200", "/hello/{name}"));
        });
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (process != null) {
      process.close();
    }
  }

  @Test
  void pathsOfOneTemplateAreOneSeriesOfThatTemplate() {
    Map<String, Double> before = series.counts();
    for (String name : List.of("alice", "bob", "carol", "dave", "eve")) {
      assertThat(get("/hello/" + name)).isEqualTo(200);
    }

    series.awaitAdded(before, Map.of(count("200", "/hello/{name}"), 5.0));
    assertThat(routes(Scrape.of(agentPort))).noneMatch(route -> route.contains("alice"));
  }

  @Test
  void aHandlerThatThrowsKeepsItsTemplateNotTheErrorPages() {
    Map<String, Double> before = series.counts();
    assertThat(get("/fail/1")).isEqualTo(500);
    assertThat(get("/fail/2")).isEqualTo(500);

    // Undertow sends the request on to Spring Boot's error page, /error, a handler too.
    series.awaitAdded(before, Map.of(count("500", "/fail/{code}"), 2.0));
    assertThat(routes(Scrape.of(agentPort))).doesNotContain("/error");
  }

  @Test
  void anUnknownPathGetsThePatternOfSpringsStaticResourceHandler() {
    Map<String, Double> before = series.counts();
    assertThat(get("/no/such/page")).isEqualTo(404);
    assertThat(get("/actuator/no-such-endpoint")).isEqualTo(404);

    series.awaitAdded(before, Map.of(count("404", "/**"), 2.0));
  }

  @Test
  void anAsynchronousHandlerEndsOnItsTemplate() {
    Map<String, Double> before = series.counts();
    assertThat(get("/later/1")).isEqualTo(200);
    assertThat(get("/later/2")).isEqualTo(200);

    series.awaitAdded(before, Map.of(count("200", "/later/{id}"), 2.0));
  }

  @Test
  void actuatorHealthHasItsOwnRouteAndTheAgentsReadsOfItDoNotCount() {
    Map<String, Double> before = series.counts();
    assertThat(get("/actuator/health")).isEqualTo(200);
    assertThat(get("/actuator/health")).isEqualTo(200);
    Scrape.of(agentPort); // one more read of /actuator/health by the agent

    series.awaitAdded(before, Map.of(count("200", "/actuator/health"), 2.0));
  }

  @Test
  void aScanOfThousandsOfUrlsAddsNoSeriesAndLeavesNoRequestActive() {
    Map<String, Double> start = series.counts();
    oneOfEach();
    series.awaitAdded(
        start,
        Stream.of(
                count("200", "/hello/{name}"),
                count("500", "/fail/{code}"),
                count("200", "/later/{id}"),
                count("200", "/actuator/health"),
                count("404", "/**"))
            .collect(Collectors.toMap(series -> series, series -> 1.0)));
    Scrape scrape = Scrape.of(agentPort);
    assertThat(routes(scrape))
        .containsExactlyInAnyOrder(
            "/hello/{name}", "/fail/{code}", "/later/{id}", "/actuator/health", "/**");
    Map<String, Double> before = series.counts();

    List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      String path =
          switch (i % 4) {
            case 0 -> "/hello/" + i;
            case 1 -> "/no/such/" + i + "?q=" + i;
            case 2 -> "/fail/" + i;
            default -> "/later/" + i;
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
            count("200", "/hello/{name}"), 500.0,
            count("404", "/**"), 500.0,
            count("500", "/fail/{code}"), 500.0,
            count("200", "/later/{id}"), 500.0));
    assertThat(series.counts().keySet()).isEqualTo(before.keySet());
    Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(10));
    assertThat(Scrape.of(agentPort).value("status_exporter_routes_folded_total")).isEqualTo(0.0);
  }

  /** One request of each kind the application answers, so that each has its series. */
  private void oneOfEach() {
    assertThat(get("/hello/x")).isEqualTo(200);
    assertThat(get("/fail/x")).isEqualTo(500);
    assertThat(get("/later/x")).isEqualTo(200);
    assertThat(get("/actuator/health")).isEqualTo(200);
    assertThat(get("/no/such/page")).isEqualTo(404);
  }

  private static List<String> routes(Scrape scrape) {
    return Arrays.stream(scrape.text.split("\n"))
        .filter(line -> line.startsWith(RequestSeries.COUNT))
        .map(line -> line.replaceAll(".*http_route=\"([^\"]*)\".*", "$1"))
        .distinct()
        .toList();
  }

  private int get(String path) {
    return Http.get(url(path)).statusCode();
  }

  private String url(String path) {
    return "http://localhost:" + appPort + path;
  }
}
