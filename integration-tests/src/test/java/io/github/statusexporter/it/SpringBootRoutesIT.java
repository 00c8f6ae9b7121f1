package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.count;
import static io.github.statusexporter.it.RequestSeries.routes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Routes of Spring Boot applications built from Maven Central and launched as their users launch
 * them ({@code java -jar app.jar --server.port=N}): Spring MVC's templates, not the mapping of its
 * DispatcherServlet, and the JAX-RS templates of Jersey's servlet at {@code /api/*} beside it
 * (Jersey 3 on Boot 3, Jersey 2 on Boot 2.7), under that servlet's path. One launch per
 * application, shared by its tests; each test looks at what its own requests added, so the tests do
 * not depend on their order. The agent reads the application's {@code /actuator/health} at each
 * scrape: none of those reads may count (the tests of {@link SpringMvcRoutes}).
 */
class SpringBootRoutesIT {

  @Nested
  class SpringBoot3 extends Routes {
    SpringBoot3() {
      super(SpringBootApp.BOOT_3);
    }
  }

  // Spring Boot 2.7 supports Java up to 21: on the first JDK only (~16 s of each run); Spring Boot
  // 3 runs on both, and Tomcat 9's javax hooks on JDK 25 in ServletRequestMetricsIT.
  @Tag("first-jdk-only")
  @Nested
  class SpringBoot27Javax extends Routes {
    SpringBoot27Javax() {
      super(SpringBootApp.BOOT_2_7_JAVAX);
    }
  }

  /** Spring MVC's routes (the tests of {@link SpringMvcRoutes}), and Jersey's beside them. */
  abstract static class Routes extends SpringMvcRoutes {
    private final Map<String, Double> afterFirstJaxRsRequest = new HashMap<>();

    Routes(SpringBootApp app) {
      super(app, ",ignore-routes=/api/ping", "Tomcat", "Jersey");
    }

    /** Runs after {@link SpringMvcRoutes#launch}, JUnit's order for a subclass's own method. */
    @BeforeAll
    void firstJaxRsRequest() {
      // Spring Boot starts Jersey's servlet at its first request, which loads the class the agent
      // hooks in Jersey: that request must have its template too.
      assertThat(get("/api/users/first")).isEqualTo(200);
      Wait.until(
          "the first JAX-RS request recorded",
          Duration.ofSeconds(10),
          () -> {
            Map<String, Double> counts = series.counts();
            boolean recorded =
                counts.containsKey(count("200", "/api/users/{id}"))
                    || counts.containsKey(count("200", "/api/*"));
            if (recorded) {
              afterFirstJaxRsRequest.putAll(counts);
            }
            return recorded ? counts : null;
          });
    }

    @Test
    void aRequestRefusedBeforeAnyHandlerGetsTheDispatcherServletsMapping() {
      Map<String, Double> before = series.counts();
      assertThat(get("/admin/users")).isEqualTo(403);

      series.awaitAdded(before, Map.of(count("403", "/"), 1.0));
    }

    @Test
    void everyRouteIsATemplateOrTheServletMapping() {
      oneOfEach();

      Wait.until(
          "the last request recorded",
          Duration.ofSeconds(5),
          () -> series.counts().get(count("404", "/api/*")));
      Scrape scrape = Scrape.of(agentPort);
      assertThat(routes(scrape))
          .containsExactlyInAnyOrder(
              "/hello/{name}",
              "/fail/{code}",
              "/later/{id}",
              "/actuator/health",
              "/**",
              "/",
              "/api/users/{id}",
              "/api/users/{id}/fail",
              "/api/users/{id}/orders/{order}",
              "/api/users/{id}/later",
              "/api/*");
      assertThat(scrape.value("status_exporter_routes_folded_total")).isEqualTo(0.0);
    }

    // Which series URLs make is the agent's route code, not the JDK's: once, on the first JDK.
    @Tag("first-jdk-only")
    @Test
    void aScanOfThousandsOfUrlsAddsNoSeries() {
      Map<String, Double> start = series.counts();
      oneOfEach();
      // Recorded, all of them: the last may reach its count a moment after its response.
      series.awaitAdded(
          start,
          Stream.of(
                  count("200", "/hello/{name}"),
                  count("500", "/fail/{code}"),
                  count("200", "/later/{id}"),
                  count("200", "/actuator/health"),
                  count("404", "/**"),
                  count("403", "/"),
                  count("200", "/api/users/{id}"),
                  count("500", "/api/users/{id}/fail"),
                  count("200", "/api/users/{id}/orders/{order}"),
                  count("200", "/api/users/{id}/later"),
                  count("404", "/api/*"))
              .collect(Collectors.toMap(series -> series, series -> 1.0)));
      Map<String, Double> before = series.counts();

      Http.getAll(
          3_000,
          i ->
              url(
                  switch (i % 6) {
                    case 0 -> "/hello/" + i;
                    case 1 -> "/no/such/" + i + "?q=" + i;
                    case 2 -> "/admin/" + i;
                    case 3 -> "/api/users/" + i + "/orders/" + i;
                    case 4 -> "/api/no/such/" + i;
                    default -> "/later/" + i;
                  }));

      series.awaitAdded(
          before,
          Map.of(
              count("200", "/hello/{name}"), 500.0,
              count("404", "/**"), 500.0,
              count("403", "/"), 500.0,
              count("200", "/later/{id}"), 500.0,
              count("200", "/api/users/{id}/orders/{order}"), 500.0,
              count("404", "/api/*"), 500.0));
      assertThat(series.counts().keySet()).isEqualTo(before.keySet());
    }

    @Test
    void theFirstJaxRsRequestWhichLoadsJerseysHookedClassHasItsTemplate() {
      assertThat(afterFirstJaxRsRequest)
          .containsEntry(count("200", "/api/users/{id}"), 1.0)
          .doesNotContainKey(count("200", "/api/*"));
    }

    @Test
    void jaxRsPathsOfOneTemplateAreOneSeriesOfTheServletPathAndTheClassAndMethodPaths() {
      Map<String, Double> before = series.counts();
      for (String id : List.of("1", "2", "42", "alice", "bob")) {
        assertThat(get("/api/users/" + id)).isEqualTo(200);
      }

      series.awaitAdded(before, Map.of(count("200", "/api/users/{id}"), 5.0));
      assertThat(routes(Scrape.of(agentPort))).noneMatch(route -> route.contains("alice"));
    }

    @Test
    void aJaxRsMethodThatThrowsKeepsItsTemplateNotTheErrorPages() {
      Map<String, Double> before = series.counts();
      assertThat(get("/api/users/1/fail")).isEqualTo(500);
      assertThat(get("/api/users/2/fail")).isEqualTo(500);

      series.awaitAdded(before, Map.of(count("500", "/api/users/{id}/fail"), 2.0));
      assertThat(routes(Scrape.of(agentPort))).doesNotContain("/error");
    }

    @Test
    void aJaxRsSubResourceJoinsTheLocatorsTemplateAndItsOwn() {
      Map<String, Double> before = series.counts();
      assertThat(get("/api/users/1/orders/10")).isEqualTo(200);
      assertThat(get("/api/users/2/orders/20")).isEqualTo(200);

      series.awaitAdded(before, Map.of(count("200", "/api/users/{id}/orders/{order}"), 2.0));
    }

    @Test
    void anAsynchronousJaxRsMethodEndsOnItsTemplate() {
      Map<String, Double> before = series.counts();
      assertThat(get("/api/users/1/later")).isEqualTo(200);
      assertThat(get("/api/users/2/later")).isEqualTo(200);

      series.awaitAdded(before, Map.of(count("200", "/api/users/{id}/later"), 2.0));
    }

    @Test
    void aPathJerseyMatchedNoResourceForGetsItsServletMapping() {
      Map<String, Double> before = series.counts();
      assertThat(get("/api/nope/1")).isEqualTo(404);
      assertThat(get("/api/users")).isEqualTo(404);

      series.awaitAdded(before, Map.of(count("404", "/api/*"), 2.0));
    }

    @Test
    void anIgnoredJaxRsRouteIsNotRecorded() {
      Map<String, Double> before = series.counts();
      assertThat(get("/api/ping")).isEqualTo(200);
      assertThat(get("/api/ping")).isEqualTo(200);
      assertThat(get("/api/users/after-ping")).isEqualTo(200);

      series.awaitAdded(before, Map.of(count("200", "/api/users/{id}"), 1.0));
      assertThat(routes(Scrape.of(agentPort))).doesNotContain("/api/ping");
    }

    /** One request of each kind the application answers, so that each has its series. */
    private void oneOfEach() {
      assertThat(get("/hello/x")).isEqualTo(200);
      assertThat(get("/fail/x")).isEqualTo(500);
      assertThat(get("/later/x")).isEqualTo(200);
      assertThat(get("/actuator/health")).isEqualTo(200);
      assertThat(get("/no/such/page")).isEqualTo(404);
      assertThat(get("/admin/x")).isEqualTo(403);
      assertThat(get("/api/users/x")).isEqualTo(200);
      assertThat(get("/api/users/x/fail")).isEqualTo(500);
      assertThat(get("/api/users/x/orders/y")).isEqualTo(200);
      assertThat(get("/api/users/x/later")).isEqualTo(200);
      assertThat(get("/api/nope/x")).isEqualTo(404);
      assertThat(get("/api/ping")).isEqualTo(200);
    }
  }
}
