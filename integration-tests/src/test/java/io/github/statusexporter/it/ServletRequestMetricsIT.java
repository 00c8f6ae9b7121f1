package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.routes;
import static io.github.statusexporter.it.ServletShop.bucket;
import static io.github.statusexporter.it.ServletShop.count;
import static io.github.statusexporter.it.ServletShop.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;

/**
 * Request metrics of servlet applications on embedded Tomcat 11, Jetty 12 and Tomcat 9 (javax),
 * measured with no code change. Each app maps the same servlets under the context path /shop.
 */
class ServletRequestMetricsIT {
  private static final String SERIES_COUNT = "http_server_request_duration_seconds_count{";

  /** Measured by {@link JettyRequestMetricsIT}, with one launch each rather than one per test. */
  private static final String JETTY_9_TO_11 = "JETTY_(9_4|10|11).*";

  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();

  private String agentArguments() {
    return "port=" + agentPort + ",source=http://localhost:" + appPort + "/shop/status";
  }

  private JavaProcess start(ServletApp app) throws Exception {
    return started(JavaProcess.servletApp(app, appPort, agentArguments()));
  }

  private static JavaProcess started(JavaProcess process) {
    process.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
    return process;
  }

  private String shop(String path) {
    return "http://localhost:" + appPort + "/shop" + path;
  }

  @ParameterizedTest
  @EnumSource(value = ServletApp.class, mode = Mode.MATCH_NONE, names = JETTY_9_TO_11)
  void requestsAreCountedOnceByServletMappingMethodAndStatus(ServletApp app) throws Exception {
    try (JavaProcess process = start(app)) {
      assertThat(Http.get(shop("/hello")).statusCode()).isEqualTo(200);
      Http.get(shop("/hello"));
      Http.get(shop("/items/1"));
      Http.get(shop("/items/2"));
      assertThat(Http.get(shop("/forward")).body()).isEqualTo("hello\n");
      assertThat(Http.get(shop("/fail")).statusCode()).isEqualTo(500);
      assertThat(Http.get(shop("/work?ms=200")).statusCode()).isEqualTo(200);
      assertThat(Http.get(shop("/async?ms=300")).statusCode()).isEqualTo(202);
      assertThat(Http.get(shop("/resume?ms=100")).body()).isEqualTo("resumed\n");
      assertThat(Http.get(shop("/missing")).statusCode()).isEqualTo(404);
      // The context's own path: the container redirects it to the context's root itself, before
      // any servlet (Tomcat with 302, Jetty with 301).
      String redirect = app == ServletApp.JETTY_12 ? "301" : "302";
      assertThat(Http.get(shop("")).statusCode()).isEqualTo(Integer.parseInt(redirect));
      if (app == ServletApp.JETTY_12) {
        // Only the Jetty app has static content: its welcome file, by Jetty's default servlet.
        assertThat(Http.get(shop("/")).body()).isEqualTo("<p>shop</p>\n");
      }
      // Each recorded once, when its stream ended: with all its chunks, or the client gone.
      ServletShop.streamAndGoAway(appPort, agentPort);

      Scrape.of(agentPort); // the agent reads /shop/status at each scrape: none of it counts
      Scrape scrape = Scrape.of(agentPort);

      assertThat(scrape.value(count("200", "/shop/hello"))).isEqualTo(2.0);
      assertThat(scrape.value(count("200", "/shop/items/*"))).isEqualTo(2.0);
      // The forward and the filter in front of every servlet are parts of one request.
      assertThat(scrape.value(count("200", "/shop/forward"))).isEqualTo(1.0);
      assertThat(scrape.value(count("500", "/shop/fail"))).isEqualTo(1.0);
      assertThat(scrape.value(bucket("200", "/shop/work", "0.1"))).isEqualTo(0.0);
      // 200 ms of work: well under a second even on a loaded machine (0.25 s was missed at load
      // 13).
      assertThat(scrape.value(bucket("200", "/shop/work", "1.0"))).isEqualTo(1.0);
      // The asynchronous servlet returned at once; its duration ends with its response.
      assertThat(scrape.value(bucket("202", "/shop/async", "0.25"))).isEqualTo(0.0);
      assertThat(scrape.value(bucket("202", "/shop/async", "2.5"))).isEqualTo(1.0);
      // Dispatched again after 100 ms: Tomcat passes the same request through its valve twice.
      assertThat(scrape.value(count("200", "/shop/resume"))).isEqualTo(1.0);
      assertThat(scrape.value(bucket("200", "/shop/resume", "0.05"))).isEqualTo(0.0);
      assertThat(scrape.value(count("200", "/shop/stream"))).isEqualTo(2.0);
      // 300 ms of stream, and at least 100 ms before the client went away.
      assertThat(scrape.value(sum("200", "/shop/stream"))).isBetween(0.4, 5.0);
      // Tomcat answers an unmapped path itself (no route); Jetty with its default servlet, "/".
      String notFoundRoute = app == ServletApp.JETTY_12 ? "/shop/" : "";
      assertThat(scrape.value(count("404", notFoundRoute))).isEqualTo(1.0);
      assertThat(scrape.value(count(redirect, "/shop"))).isEqualTo(1.0);
      if (app == ServletApp.JETTY_12) {
        assertThat(scrape.value(count("200", "/shop/"))).isEqualTo(1.0);
      }
      assertThat(scrape.text).doesNotContain("http_route=\"/shop/status\"");
      assertThat(routes(scrape))
          .containsExactlyInAnyOrder(
              "/shop",
              "/shop/hello",
              "/shop/items/*",
              "/shop/forward",
              "/shop/fail",
              "/shop/work",
              "/shop/async",
              "/shop/resume",
              "/shop/stream",
              notFoundRoute);

      asynchronousRequestsAreActiveUntilTheirResponseIsComplete();
    }
  }

  /** In the same launch as the test above, which sent one 300 ms asynchronous request. */
  private void asynchronousRequestsAreActiveUntilTheirResponseIsComplete() {
    List<CompletableFuture<HttpResponse<String>>> held =
        List.of(Http.getAsync(shop("/async?ms=3000")), Http.getAsync(shop("/async?ms=3000")));

    Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 2.0, Duration.ofSeconds(2));
    held.forEach(CompletableFuture::join);
    Scrape after =
        Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(2));
    assertThat(after.value(bucket("202", "/shop/async", "2.5"))).isEqualTo(1.0);
    assertThat(after.value(bucket("202", "/shop/async", "5.0"))).isEqualTo(3.0);
  }

  // Which series a URL makes is the agent's route code, not the JDK's: once, on the first JDK
  // (~30 s of each run); the second runs the request test above in each container.
  @Tag("first-jdk-only")
  @ParameterizedTest
  @EnumSource(value = ServletApp.class, mode = Mode.MATCH_NONE, names = JETTY_9_TO_11)
  void aScanOfTenThousandUrlsAddsNoSeries(ServletApp app) throws Exception {
    try (JavaProcess process = start(app)) {
      ServletShop.scan(appPort, 10_000);

      Scrape scrape = Scrape.of(agentPort);
      String notFoundRoute = app == ServletApp.JETTY_12 ? "/shop/" : "";
      assertThat(routes(scrape)).containsExactlyInAnyOrder("/shop/items/*", notFoundRoute);
      assertThat(scrape.value(count("200", "/shop/items/*"))).isGreaterThanOrEqualTo(2_500.0);
      assertThat(scrape.value(count("404", notFoundRoute))).isEqualTo(2_500.0);
      assertThat(scrape.text.lines().filter(line -> line.startsWith(SERIES_COUNT))).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(value = ServletApp.class, mode = Mode.MATCH_NONE, names = JETTY_9_TO_11)
  void aContainerInAClassLoaderOfItsOwnIsMeasuredToo(ServletApp app) throws Exception {
    try (JavaProcess process =
        started(JavaProcess.isolatedServletApp(app, appPort, agentArguments()))) {
      Http.get(shop("/hello"));
      Http.get(shop("/forward"));
      Http.get(shop("/async?ms=0"));
      assertThat(Http.get(shop("/fail")).statusCode()).isEqualTo(500);

      Scrape.of(agentPort);
      Scrape scrape = Scrape.of(agentPort);
      assertThat(scrape.value(count("200", "/shop/hello"))).isEqualTo(1.0);
      assertThat(scrape.value(count("200", "/shop/forward"))).isEqualTo(1.0);
      assertThat(scrape.value(count("202", "/shop/async"))).isEqualTo(1.0);
      assertThat(scrape.value(count("500", "/shop/fail"))).isEqualTo(1.0);
      assertThat(routes(scrape)).hasSize(4);
      assertThat(process.stderr()).noneMatch(line -> line.contains("no request metrics"));
    }
  }

  @Test
  void instrumentFalseLeavesTheContainerAloneAndTheRestWorking() throws Exception {
    try (JavaProcess process =
        started(
            JavaProcess.servletApp(
                ServletApp.TOMCAT_11, appPort, agentArguments() + ",instrument=false"))) {
      Http.get(shop("/hello"));

      Scrape scrape = Scrape.of(agentPort);
      assertThat(scrape.text).doesNotContain("http_server_");
      assertThat(scrape.value("app_uptime")).isPositive();
      assertThat(process.jcmd("VM.class_hierarchy")).doesNotContain("bytebuddy");
    }
  }

  /** The distinct routes of the request duration histogram. */
}
