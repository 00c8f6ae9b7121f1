package io.github.statusexporter.it;

import static io.github.statusexporter.it.ServletShop.bucket;
import static io.github.statusexporter.it.ServletShop.count;
import static io.github.statusexporter.it.ServletShop.sum;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Request metrics of the test servlets on embedded Jetty 11 (jakarta), 10 and 9.4 (javax, servlet
 * 3.1), each launched once with {@code java -jar}: requests counted once by servlet mapping, method
 * and status, a 401 from the context's security handler on its servlet's route, the context's
 * redirect of its own path on the context's path, asynchronous and streamed requests active until
 * their response is complete or their client gone, and a scan of URLs adding no series; and Jetty
 * 9.4 in a class loader of its own.
 *
 * <p>On the first JDK only (~33 s of each run): what is recorded is the servlet hooks', not the
 * JDK's; on the second JDK, {@code JettyDistributionIT} and {@code ServletRequestMetricsIT} measure
 * Jetty 12, its distribution and embedded.
 */
@Tag("first-jdk-only")
class JettyRequestMetricsIT {
  private static final String COUNT = "http_server_request_duration_seconds_count{";
  private static final String ACTIVE =
      "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"}";

  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();

  @ParameterizedTest
  @EnumSource(
      value = ServletApp.class,
      names = {"JETTY_11", "JETTY_10_JAVAX", "JETTY_9_4_JAVAX"})
  void requestsAreCountedOnceByServletMappingMethodAndStatus(ServletApp app) throws Exception {
    try (JavaProcess process = JavaProcess.servletApp(app, appPort, agentArguments())) {
      process.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));

      assertThat(Http.get(shop("/hello")).statusCode()).isEqualTo(200);
      Http.get(shop("/hello"));
      Http.get(shop("/items/1"));
      assertThat(Http.get(shop("/forward")).body()).isEqualTo("hello\n");
      assertThat(Http.get(shop("/fail")).statusCode()).isEqualTo(500);
      assertThat(Http.get(shop("/work?ms=200")).statusCode()).isEqualTo(200);
      assertThat(Http.get(shop("/async?ms=300")).statusCode()).isEqualTo(202);
      assertThat(Http.get(shop("/resume?ms=100")).body()).isEqualTo("resumed\n");
      // Refused by the context's security handler, before the filter and the servlet.
      assertThat(Http.get(shop("/items/private/1")).statusCode()).isEqualTo(401);
      // Jetty's default servlet: the welcome file, and a 404 for what no servlet maps.
      assertThat(Http.get(shop("/")).body()).isEqualTo("<p>shop</p>\n");
      assertThat(Http.get(shop("/missing")).statusCode()).isEqualTo(404);
      // The context answers its own path with a redirect itself, before any servlet.
      assertThat(Http.get(shop("")).statusCode()).isEqualTo(302);
      // Each recorded once, when its stream ended: with all its chunks, or the client gone.
      ServletShop.streamAndGoAway(appPort, agentPort);

      Scrape.of(agentPort); // the agent reads /shop/status at each scrape: none of it counts
      List<String> counts = counts(Scrape.of(agentPort));

      assertThat(counts)
          .containsExactly(
              count("200", "/shop/") + " 1",
              count("200", "/shop/forward") + " 1",
              count("200", "/shop/hello") + " 2",
              count("200", "/shop/items/*") + " 1",
              count("200", "/shop/resume") + " 1",
              count("200", "/shop/stream") + " 2",
              count("200", "/shop/work") + " 1",
              count("202", "/shop/async") + " 1",
              count("302", "/shop") + " 1",
              count("401", "/shop/items/*") + " 1",
              count("404", "/shop/") + " 1",
              count("500", "/shop/fail") + " 1");
      Scrape scrape = Scrape.of(agentPort);
      assertThat(scrape.value(bucket("200", "/shop/work", "0.1"))).isEqualTo(0.0);
      // Not the next bucket: two cores shared with other builds may delay the answer.
      assertThat(scrape.value(bucket("200", "/shop/work", "1.0"))).isEqualTo(1.0);
      // Dispatched again after 100 ms, through the hooked method a second time: counted once.
      assertThat(scrape.value(bucket("200", "/shop/resume", "0.05"))).isEqualTo(0.0);
      // 300 ms of stream, and at least 100 ms before the client went away.
      assertThat(scrape.value(sum("200", "/shop/stream"))).isBetween(0.4, 5.0);

      asynchronousRequestsAreActiveUntilTheirResponseIsComplete();
      aScanOfUrlsAddsNoSeries(counts.size());
      assertThat(process.stderr()).noneMatch(line -> line.contains("no request metrics"));
      String major =
          switch (app) {
            case JETTY_11 -> "11.0.";
            case JETTY_10_JAVAX -> "10.0.";
            default -> "9.4.";
          };
      assertThat(process.stderr())
          .filteredOn(line -> line.startsWith("status-exporter: measuring requests on"))
          .singleElement(as(InstanceOfAssertFactories.STRING))
          .startsWith("status-exporter: measuring requests on Jetty " + major);
    }
  }

  /**
   * Jetty 9.4 in a class loader of its own, as its distribution's {@code start.jar} runs it: the
   * javax adapter is copied beside a servlet 3.1 API, which it must use without mappings. (Jetty 10
   * and 11 take the paths that Tomcat 9 and Jetty 12 prove in {@link ServletRequestMetricsIT}.)
   */
  @Test
  void jetty94InAClassLoaderOfItsOwnIsMeasuredToo() throws Exception {
    try (JavaProcess process =
        JavaProcess.isolatedServletApp(ServletApp.JETTY_9_4_JAVAX, appPort, agentArguments())) {
      process.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      Http.get(shop("/hello"));
      Http.get(shop("/async?ms=0"));
      assertThat(Http.get(shop("/items/private/1")).statusCode()).isEqualTo(401);
      assertThat(Http.get(shop("/fail")).statusCode()).isEqualTo(500);

      Scrape.of(agentPort);
      assertThat(counts(Scrape.of(agentPort)))
          .containsExactly(
              count("200", "/shop/hello") + " 1",
              count("202", "/shop/async") + " 1",
              count("401", "/shop/items/*") + " 1",
              count("500", "/shop/fail") + " 1");
      assertThat(process.stderr()).noneMatch(line -> line.contains("no request metrics"));
    }
  }

  private String agentArguments() {
    return "port=" + agentPort + ",source=http://localhost:" + appPort + "/shop/status";
  }

  private void asynchronousRequestsAreActiveUntilTheirResponseIsComplete() {
    List<CompletableFuture<HttpResponse<String>>> held =
        List.of(Http.getAsync(shop("/async?ms=2000")), Http.getAsync(shop("/async?ms=2000")));

    Scrape.awaitValue(agentPort, ACTIVE, 2.0, Duration.ofSeconds(2));
    held.forEach(CompletableFuture::join);
    Scrape after = Scrape.awaitValue(agentPort, ACTIVE, 0.0, Duration.ofSeconds(2));
    assertThat(after.value(bucket("202", "/shop/async", "1.0"))).isEqualTo(1.0);
    assertThat(after.value(bucket("202", "/shop/async", "2.5"))).isEqualTo(3.0);
  }

  private void aScanOfUrlsAddsNoSeries(int seriesBefore) {
    Scrape before = Scrape.of(agentPort);
    ServletShop.scan(appPort, 4_000);

    Scrape after = Scrape.of(agentPort);
    assertThat(counts(after)).hasSize(seriesBefore);
    assertThat(after.value(count("200", "/shop/items/*")))
        .isEqualTo(before.value(count("200", "/shop/items/*")) + 3_000);
    assertThat(after.value(count("404", "/shop/")))
        .isEqualTo(before.value(count("404", "/shop/")) + 1_000);
  }

  private String shop(String path) {
    return "http://localhost:" + appPort + "/shop" + path;
  }

  /** The request duration histogram's count lines, each with its value. */
  private static List<String> counts(Scrape scrape) {
    return Arrays.stream(scrape.text.split("\n"))
        .filter(line -> line.startsWith(COUNT))
        .map(line -> line.replaceAll(" ([0-9]+)\\.0$", " $1"))
        .sorted()
        .toList();
  }
}
