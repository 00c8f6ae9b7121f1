package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jetty's distribution (jetty-home from Maven Central) started as its users start it, {@code java
 * -jar $JETTY_HOME/start.jar} in a {@code $JETTY_BASE} made with {@code --add-modules=http,
 * ee10-deploy}, serving a static web application at {@code /shop}: with the agent on start.jar's
 * command line, where the server runs in the same JVM; and with {@code --exec} in the base's
 * start.d, where start.jar forks the server's JVM with the lines of its .ini files, so that an
 * agent on start.jar's command line measures only the launcher, and says so.
 */
class JettyDistributionIT {
  private static final Path JETTY_HOME = Paths.get(System.getProperty("jetty.distribution"));
  private static final String VERSION =
      JETTY_HOME.getFileName().toString().substring("jetty-home-".length());

  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private final RequestSeries series = new RequestSeries(agentPort);
  private Path base;

  @BeforeEach
  void jettyBase() throws Exception {
    base = Files.createTempDirectory(JETTY_HOME.getParent(), "jetty-base-");
    try (JavaProcess addModules =
        JavaProcess.startIn(base, List.of("-jar", startJar(), "--add-modules=http,ee10-deploy"))) {
      addModules.awaitExit(Duration.ofSeconds(60));
    }
    Path shop = Files.createDirectories(base.resolve("webapps/shop"));
    Files.writeString(shop.resolve("index.html"), "<p>shop</p>\n");
    Files.writeString(
        shop.resolve("status.json"),
        "{\"current_requests\": 0, \"pending_requests\": 0, \"total_uptime\": 1.5,"
            + " \"health\": \"healthy\"}");
  }

  @AfterEach
  void removeBase() throws IOException {
    Directories.delete(base);
  }

  @Test
  void onStartJarsCommandLineTheAgentMeasuresTheServerInTheSameJvm() throws Exception {
    try (JavaProcess jetty =
        JavaProcess.startIn(
            base,
            List.of(
                "-javaagent:" + JavaProcess.AGENT_JAR + "=" + agentArguments(agentPort),
                "-jar",
                startJar(),
                "jetty.http.port=" + appPort))) {
      jetty.awaitStderr(line -> line.contains(" serving http://"), Duration.ofSeconds(60));

      servesTheShopAndIsMeasured();
      assertThat(jetty.stderr())
          .filteredOn(line -> line.startsWith("status-exporter: "))
          .containsExactly("status-exporter: measuring requests on Jetty " + VERSION);
    }
  }

  @Test
  void withExecTheAgentOnTheLauncherSaysWhereItBelongsAndTheOneInTheIniMeasures() throws Exception {
    int launcherAgentPort = Http.freePort();
    Files.writeString(
        base.resolve("start.d/status-exporter.ini"),
        "--exec\n-javaagent:" + JavaProcess.AGENT_JAR + "=" + agentArguments(agentPort) + "\n");
    try (JavaProcess jetty =
        JavaProcess.startIn(
            base,
            List.of(
                "-javaagent:" + JavaProcess.AGENT_JAR + "=" + agentArguments(launcherAgentPort),
                "-jar",
                startJar(),
                "jetty.http.port=" + appPort))) {
      // Both JVMs write to start.jar's stderr: the server's agent, and the launcher's.
      jetty.awaitStderr(
          line -> line.contains(":" + agentPort + "/metrics"), Duration.ofSeconds(60));
      String misplaced =
          "status-exporter: this JVM is Jetty's start.jar, which runs the server in another JVM:"
              + " the agent here measures only the launcher; to measure the server, put"
              + " -javaagent:... on a line of its own after --exec in an .ini file of"
              + " $JETTY_BASE/start.d (such as jvm.ini), or drop --exec";
      jetty.awaitStderr(misplaced::equals, Duration.ofSeconds(30));

      servesTheShopAndIsMeasured();
      assertThat(jetty.stderr())
          .filteredOn(line -> line.startsWith("status-exporter: "))
          .containsExactlyInAnyOrder(
              "status-exporter: measuring requests on Jetty " + VERSION, misplaced);
      assertThat(Scrape.of(launcherAgentPort).text)
          .doesNotContain(RequestSeries.COUNT)
          .doesNotContain("status_exporter_server_info{");
    }
  }

  /** The shop's pages, each recorded once on the route of Jetty's default servlet. */
  private void servesTheShopAndIsMeasured() {
    Wait.until(
        "the first request recorded",
        Duration.ofSeconds(30),
        () -> {
          Http.get(url("/shop/"));
          return series.counts().get(count("200", "/shop/"));
        });
    Map<String, Double> before = series.counts();
    assertThat(Http.get(url("/shop/")).body()).isEqualTo("<p>shop</p>\n");
    assertThat(Http.get(url("/shop/index.html")).statusCode()).isEqualTo(200);
    assertThat(Http.get(url("/shop/no/such/page")).statusCode()).isEqualTo(404);
    assertThat(Http.get(url("/nowhere")).statusCode()).isEqualTo(404);
    Scrape scrape = Scrape.of(agentPort); // the agent reads /shop/status.json: none of it counts

    // On Jetty 12 the hook is the servlet handler: a request no context takes is not recorded.
    series.awaitAdded(before, Map.of(count("200", "/shop/"), 2.0, count("404", "/shop/"), 1.0));
    assertThat(scrape.value("app_health{app_health=\"healthy\"}")).isEqualTo(1.0);
    assertThat(scrape.value(RequestSeries.serverInfo("Jetty", VERSION))).isEqualTo(1.0);
  }

  private String agentArguments(int port) {
    return "port=" + port + ",source=http://localhost:" + appPort + "/shop/status.json";
  }

  private static String startJar() {
    return JETTY_HOME.resolve("start.jar").toString();
  }

  private String url(String path) {
    return "http://localhost:" + appPort + path;
  }
}
