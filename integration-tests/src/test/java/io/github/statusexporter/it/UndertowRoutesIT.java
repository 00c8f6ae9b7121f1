package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.count;
import static io.github.statusexporter.it.RequestSeries.routes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Routes of a Spring Boot 3 application on Boot's Undertow starter (embedded Undertow 2.3), built
 * from Maven Central and launched as its users launch it: Spring MVC's templates, as on Tomcat (the
 * tests of {@link SpringMvcRoutes}), and a scan that adds no series.
 */
class UndertowRoutesIT extends SpringMvcRoutes {

  UndertowRoutesIT() {
    super(SpringBootApp.BOOT_3_UNDERTOW, "", "Undertow");
  }

  // Which series URLs make is the agent's route code, not the JDK's: once, on the first JDK.
  @Tag("first-jdk-only")
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

    Http.getAll(
        2_000,
        i ->
            url(
                switch (i % 4) {
                  case 0 -> "/hello/" + i;
                  case 1 -> "/no/such/" + i + "?q=" + i;
                  case 2 -> "/fail/" + i;
                  default -> "/later/" + i;
                }));

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
}
