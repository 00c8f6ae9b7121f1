package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.count;
import static io.github.statusexporter.it.RequestSeries.routes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Spring MVC routes every Spring Boot test application answers the same, whichever embedded
 * server it runs on (Tomcat, Undertow): templates, not the mapping of the DispatcherServlet. One
 * launch per application ({@code java -jar app.jar --server.port=N}), shared by its tests; each
 * test looks at what its own requests added, so the tests do not depend on their order. The agent
 * reads the application's {@code /actuator/health} at each scrape: none of those reads may count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpringMvcRoutes {
  private final SpringBootApp app;
  private final String agentOptions;
  private final String[] serversMeasured;
  final int appPort = Http.freePort();
  final int agentPort = Http.freePort();
  final RequestSeries series = new RequestSeries(agentPort);
  private JavaProcess process;

  /**
   * @param agentOptions more of the agent's options, after a comma, or ""
   * @param serversMeasured the servers and frameworks the agent says it measures
   */
  SpringMvcRoutes(SpringBootApp app, String agentOptions, String... serversMeasured) {
    this.app = app;
    this.agentOptions = agentOptions;
    this.serversMeasured = serversMeasured;
  }

  @BeforeAll
  void launch() throws Exception {
    process =
        JavaProcess.springBootApp(
            app,
            appPort,
            "port="
                + agentPort
                + ",source=http://localhost:"
                + appPort
                + "/actuator/health"
                + agentOptions);
    process.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
    // The server is woven once Spring has loaded it, on a thread of the agent's: until then,
    // requests go unrecorded.
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
  void theAgentSaysWhichServersItMeasures() {
    RequestSeries.assertMeasured(process, agentPort, serversMeasured);
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

    // The server sends the request on to Spring Boot's error page, /error, a handler too, which
    // the request passes through last.
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

  int get(String path) {
    return Http.get(url(path)).statusCode();
  }

  String url(String path) {
    return "http://localhost:" + appPort + path;
  }
}
