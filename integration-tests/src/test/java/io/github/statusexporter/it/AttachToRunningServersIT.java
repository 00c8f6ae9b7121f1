package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Servers that run, started without the agent as their users start them, attached to with the tool
 * ({@code java -jar status-exporter.jar attach PID port=N}) while clients send requests without a
 * pause: no request fails, every request sent after the tool returned is counted, and from then on
 * the series are those the {@code -javaagent} flag gives, routes included. One launch per server,
 * shared by its tests.
 */
class AttachToRunningServersIT {
  private static final int CLIENTS = 4;

  /** The JDK's own server, created and started before the agent came. */
  @Nested
  class DemoApp extends AttachedUnderLoad {
    DemoApp() {
      super("/status", "/work?ms=0", "/work");
    }

    @Override
    JavaProcess launch() throws IOException {
      return JavaProcess.demoApp(appPort, null);
    }

    @Test
    void itsRoutesAreItsContexts() {
      Map<String, Double> before = series.counts();

      assertThat(get("/status")).isEqualTo(200);
      assertThat(get("/health")).isEqualTo(405);

      series.awaitAdded(before, Map.of(count("200", "/status"), 1.0, count("405", "/health"), 1.0));
    }

    @Test
    void theAgentSaysItMeasuresTheJdkServer() {
      RequestSeries.assertMeasured(process, agentPort, "JDK HTTP server");
      assertThat(process.stderr())
          .contains(
              "status-exporter: measuring the running HTTP server on port "
                  + appPort
                  + " from its next request on; contexts created on it from now on are not"
                  + " measured");
    }
  }

  @Nested
  class SpringBoot3 extends AttachedUnderLoad {
    SpringBoot3() {
      super("/actuator/health", "/hello/load", "/hello/{name}");
    }

    @Override
    JavaProcess launch() throws IOException {
      return JavaProcess.springBootApp(SpringBootApp.BOOT_3, appPort, null);
    }

    @Test
    void itsRoutesAreSpringsTemplates() {
      Map<String, Double> before = series.counts();

      assertThat(get("/hello/ada")).isEqualTo(200);
      assertThat(get("/hello/bob")).isEqualTo(200);
      assertThat(get("/fail/1")).isEqualTo(500);
      assertThat(get("/no/such/page")).isEqualTo(404);

      series.awaitAdded(
          before,
          Map.of(
              count("200", "/hello/{name}"), 2.0,
              count("500", "/fail/{code}"), 1.0,
              count("404", "/**"), 1.0));
    }

    @Test
    void theAgentSaysItMeasuresTomcat() {
      RequestSeries.assertMeasured(process, agentPort, "Tomcat");
    }
  }

  /** Vert.x core and vertx-web (4.5), its fat jar: classes already loaded are woven in place. */
  @Nested
  class Vertx4 extends AttachedUnderLoad {
    Vertx4() {
      super(null, "/hello/load", "/hello/:name");
    }

    @Override
    JavaProcess launch() throws IOException {
      return JavaProcess.vertxApp("vertx-web", appPort, null);
    }

    @Test
    void itsRoutesAreVertxWebsOwn() {
      Map<String, Double> before = series.counts();

      assertThat(get("/api/users/1")).isEqualTo(200);
      assertThat(get("/orders/7")).isEqualTo(200);

      series.awaitAdded(
          before, Map.of(count("200", "/api/users/:id"), 1.0, count("200", "/orders/:id"), 1.0));
      RequestSeries.assertMeasured(process, agentPort, "Vert.x");
    }
  }

  /** Undertow's own handlers ({@code Handlers.routing()}), the jar and its libraries beside it. */
  @Nested
  class Undertow extends AttachedUnderLoad {
    Undertow() {
      super(null, "/items/load", "/items/{id}");
    }

    @Override
    JavaProcess launch() throws IOException {
      return JavaProcess.undertowApp(appPort, null);
    }

    @Test
    void theAgentSaysItMeasuresUndertow() {
      RequestSeries.assertMeasured(process, agentPort, "Undertow");
    }
  }

  /** Reactor Netty's own routes ({@code HttpServer.route(...)}). */
  @Nested
  class ReactorNetty extends AttachedUnderLoad {
    ReactorNetty() {
      super(null, "/hello/load", "/hello/{name}");
    }

    @Override
    JavaProcess launch() throws IOException {
      return JavaProcess.reactorNettyApp("reactor-netty", appPort, null);
    }

    @Test
    void theAgentSaysItMeasuresReactorNetty() {
      RequestSeries.assertMeasured(process, agentPort, "Reactor Netty");
    }
  }

  @Nested
  class Jetty12 extends AttachedUnderLoad {
    Jetty12() {
      super("/shop/status", "/shop/hello", "/shop/hello");
    }

    @Override
    JavaProcess launch() throws IOException {
      return JavaProcess.servletApp(ServletApp.JETTY_12, appPort, null);
    }

    @Test
    void itsRoutesAreTheServletMappings() {
      Map<String, Double> before = series.counts();

      assertThat(get("/shop/items/1")).isEqualTo(200);
      assertThat(get("/shop/items/2")).isEqualTo(200);
      assertThat(get("/shop/fail")).isEqualTo(500);

      series.awaitAdded(
          before,
          Map.of(
              count("200", "/shop/items/*"), 2.0,
              count("500", "/shop/fail"), 1.0));
    }

    @Test
    void theAgentSaysItMeasuresJetty() {
      RequestSeries.assertMeasured(process, agentPort, "Jetty");
    }
  }

  /** Tomcat's own distribution, {@code bin/catalina.sh run}, with its bundled applications. */
  @Nested
  class Tomcat extends AttachedUnderLoad {
    private Path base;

    Tomcat() {
      super(null, "/docs/changelog.html", "/docs/");
    }

    @Override
    JavaProcess launch() throws IOException {
      base = TomcatDistribution.copy(appPort, serverXml -> serverXml);
      return TomcatDistribution.startWithout(base, "", Map.of(), "run");
    }

    @Override
    void cleanUp() throws IOException {
      if (base != null) {
        TomcatDistribution.delete(base);
      }
    }

    @Test
    void itsRoutesAreThoseOfTheFlag() {
      Map<String, Double> before = series.counts();

      assertThat(get("/examples/jsp/dates/date.jsp")).isEqualTo(200);
      assertThat(get("/docs")).isEqualTo(302);
      assertThat(get("/no/such/page")).isEqualTo(404);

      series.awaitAdded(
          before,
          Map.of(
              count("200", "/examples/*.jsp"), 1.0,
              count("302", "/docs"), 1.0,
              count("404", "/"), 1.0));
    }

    @Test
    void theAgentSaysItMeasuresTomcat() {
      RequestSeries.assertMeasured(process, agentPort, "Tomcat");
    }
  }

  /**
   * One server: launched without the agent, clients started, the tool run while they send, the
   * clients stopped a moment after it returned.
   */
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class AttachedUnderLoad {
    final int appPort = Http.freePort();
    final int agentPort = Http.freePort();
    final RequestSeries series = new RequestSeries(agentPort);
    JavaProcess process;
    private JavaProcess attach;
    private SteadyLoad load;
    private long attachMillis;

    abstract JavaProcess launch() throws IOException;

    private final String source;
    private final String loadPath;
    private final String loadRoute;

    /**
     * @param source the application's own status path, which the agent reads at each scrape; null
     *     for none
     * @param loadPath what the clients request, all the time
     * @param loadRoute the route the agent records for it
     */
    AttachedUnderLoad(String source, String loadPath, String loadRoute) {
      this.source = source;
      this.loadPath = loadPath;
      this.loadRoute = loadRoute;
    }

    String source() {
      return source;
    }

    String loadPath() {
      return loadPath;
    }

    String loadRoute() {
      return loadRoute;
    }

    @BeforeAll
    void launchThenAttachUnderLoad() throws Exception {
      process = launch();
      load = SteadyLoad.start(url(loadPath()), CLIENTS);
      load.awaitAnswered(200);
      long start = System.nanoTime();
      attach =
          JavaProcess.tool(
              "attach",
              String.valueOf(process.pid()),
              "port=" + agentPort + ",source=" + (source() == null ? "none" : url(source())));
      attachMillis = (System.nanoTime() - start) / 1_000_000;
      load.mark();
      load.awaitAnswered(200);
      load.close();
    }

    @AfterAll
    void stop() throws Exception {
      if (load != null) {
        load.close();
      }
      if (process != null) {
        process.close();
      }
      cleanUp();
    }

    /** After the server has stopped. */
    void cleanUp() throws IOException {}

    String url(String path) {
      return "http://localhost:" + appPort + path;
    }

    int get(String path) {
      return Http.get(url(path)).statusCode();
    }

    @Test
    void theToolAttachesAndSaysWhereTheAgentServes() throws Exception {
      assertThat(attach.awaitExit(Duration.ZERO)).as(String.valueOf(attach.stderr())).isZero();
      assertThat(attach.stdout())
          .first()
          .asString()
          .startsWith("status-exporter: attached to " + process.pid() + " ")
          .endsWith(", serving http://localhost:" + agentPort + "/metrics");
      System.out.println(getClass().getSimpleName() + ": the tool took " + attachMillis + " ms");
    }

    @Test
    void noRequestFailsWhileTheAgentIsAttached() {
      assertThat(load.failures()).isEmpty();
      assertThat(load.answered()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void everyRequestSentAfterTheToolReturnedIsCountedAndNoneStaysActive() {
      long sentAfter = load.answeredSentAfterMark();
      Double counted =
          Wait.until(
              "at least the " + sentAfter + " requests sent after the attach counted",
              Duration.ofSeconds(10),
              () -> {
                Double count = series.counts().get(count("200", loadRoute()));
                return count != null && count >= sentAfter ? count : null;
              });
      assertThat(counted).isLessThanOrEqualTo(load.answered());
      // A request that began before its server was woven and ended after is not left active.
      Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(5));
    }
  }
}
