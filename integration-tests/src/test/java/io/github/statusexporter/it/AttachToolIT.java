package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code java -jar status-exporter.jar}, the tool an operator runs to add the agent to an
 * application already running, which cannot be restarted: the demo app started without the agent,
 * then attached to by pid and by name, as its README says. In order: what the tool refuses leaves
 * the application untouched; then one attach, after which the demo app's server, started before it,
 * records its requests; then what a second attach and {@code status} say.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttachToolIT {
  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private JavaProcess app;
  private String pid;

  @BeforeAll
  void launchWithoutTheAgent() throws Exception {
    app = JavaProcess.demoApp(appPort, null);
    pid = String.valueOf(app.pid());
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @Order(1)
  void theToolSaysWhatItDoesAndWhichVersionItIs() throws Exception {
    JavaProcess help = JavaProcess.tool("--help");
    JavaProcess version = JavaProcess.tool("--version");
    JavaProcess wrong = JavaProcess.tool("attack", pid);

    assertThat(help.awaitExit(Duration.ZERO)).isZero();
    assertThat(help.stdout()).first().isEqualTo("usage: java -jar status-exporter.jar <command>");
    assertThat(String.join("\n", help.stdout())).contains("  attach <pid|regex> [options]");
    assertThat(version.stdout()).singleElement().asString().matches("status-exporter \\S+");
    assertThat(wrong.awaitExit(Duration.ZERO)).isEqualTo(2);
    assertThat(wrong.stderr()).first().isEqualTo("status-exporter: unknown command 'attack'");
  }

  @Test
  @Order(2)
  void aBadOptionIsRefusedBeforeAnythingIsLoaded() throws Exception {
    JavaProcess attach = JavaProcess.tool("attach", pid, "port=" + agentPort + ",colour=blue");

    assertThat(attach.awaitExit(Duration.ZERO)).isEqualTo(2);
    assertThat(attach.stderr())
        .containsExactly(
            "status-exporter: nothing attached: unknown option 'colour' (known options: port,"
                + " host, source, timeout, max-series, config, instrument, histogram,"
                + " ignore-routes, web-config)");
    JavaProcess status = JavaProcess.tool("status", pid);
    assertThat(status.awaitExit(Duration.ZERO)).isEqualTo(1);
    assertThat(status.stdout())
        .singleElement()
        .asString()
        .startsWith("status-exporter: not in " + pid);
    assertThat(app.stderr()).noneMatch(line -> line.startsWith("status-exporter"));
  }

  @Test
  @Order(3)
  void attachedByNameTheAgentServesStatusAndJvmMetrics() throws Exception {
    String options = "port=" + agentPort + ",source=http://localhost:" + appPort + "/status";
    // Its name as 'list' shows it: the jar and the arguments, here the app's own port.
    JavaProcess attach = JavaProcess.tool("attach", "demo-app.*--port " + appPort, options);

    assertThat(attach.awaitExit(Duration.ZERO)).as(String.valueOf(attach.stderr())).isZero();
    assertThat(attach.stdout())
        .first()
        .asString()
        .startsWith("status-exporter: attached to " + pid + " ")
        .endsWith(", serving http://localhost:" + agentPort + "/metrics");
    Scrape scrape =
        Scrape.awaitValue(
            agentPort,
            "status_exporter_source_up{source=\"default\"}",
            1.0,
            Duration.ofSeconds(10));
    assertThat(scrape.value("app_requests_current")).isNotNull();
    assertThat(scrape.hasFamily("jvm_memory_used_bytes")).isTrue();
    assertThat(app.stderr())
        .filteredOn(line -> line.contains(" serving http://"))
        .singleElement()
        .asString()
        .startsWith("status-exporter ")
        .contains("serving http://localhost:" + agentPort + "/metrics");
    if (Integer.parseInt(JavaProcess.javaVersion().split("\\.")[0]) >= 21) {
      // The JVM's own warning, which the tool explains rather than leave as a surprise.
      assertThat(app.stderr()).anyMatch(line -> line.contains("loaded dynamically"));
      assertThat(attach.stdout())
          .last()
          .asString()
          .contains("-XX:+EnableDynamicAgentLoading to allow it silently");
    } else {
      assertThat(attach.stdout()).hasSize(1);
    }
  }

  @Test
  @Order(4)
  void theServerThatRanBeforeTheAttachIsMeasuredFromItsNextRequestOn() throws Exception {
    RequestSeries series = new RequestSeries(agentPort);
    String demo = "http://localhost:" + appPort;

    Http.get(demo + "/status");
    Http.get(demo + "/status");
    Http.get(demo + "/work?ms=0");

    series.awaitAdded(
        Map.of(),
        Map.of(
            count("200", "/status"), 2.0,
            count("200", "/work"), 1.0));
    assertThat(app.stderr())
        .contains(
            "status-exporter: measuring requests on JDK HTTP server " + JavaProcess.javaVersion(),
            "status-exporter: measuring the running HTTP server on port "
                + appPort
                + " from its next request on; contexts created on it from now on are not"
                + " measured");
  }

  private static String count(String status, String route) {
    return RequestSeries.COUNT
        + "http_request_method=\"GET\",http_response_status_code=\""
        + status
        + "\",http_route=\""
        + route
        + "\",url_scheme=\"http\"}";
  }

  @Test
  @Order(5)
  void aSecondAttachStartsNoSecondAgent() throws Exception {
    String sameOptions = "port=" + agentPort + ",source=http://localhost:" + appPort + "/status";
    JavaProcess again = JavaProcess.tool("attach", pid, sameOptions);
    JavaProcess otherPort = JavaProcess.tool("attach", pid, "port=" + Http.freePort());

    assertThat(again.awaitExit(Duration.ZERO)).isZero();
    assertThat(again.stdout())
        .singleElement()
        .asString()
        .startsWith("status-exporter: already in " + pid)
        .endsWith(": serving http://localhost:" + agentPort + "/metrics");
    assertThat(otherPort.awaitExit(Duration.ZERO)).isEqualTo(1);
    assertThat(otherPort.stderr())
        .singleElement()
        .asString()
        .contains("with options '" + sameOptions + "'")
        .contains("a JVM takes one agent");
    assertThat(app.stderr()).filteredOn(line -> line.contains(" serving http://")).hasSize(1);
  }

  @Test
  @Order(6)
  void statusAndListTellWhereTheAgentServesAndHowItsSourcesAre() throws Exception {
    JavaProcess status = JavaProcess.tool("status", pid);
    JavaProcess list = JavaProcess.tool("list");

    assertThat(status.awaitExit(Duration.ZERO)).isZero();
    assertThat(status.stdout())
        .containsSubsequence(
            "  options: 'port=" + agentPort + ",source=http://localhost:" + appPort + "/status'",
            "  serving http://localhost:" + agentPort + "/metrics",
            "  source default: up");
    assertThat(list.stdout())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(pid + " ")
                    .contains("serving http://localhost:" + agentPort + "/metrics")
                    .contains("demo-app"));
  }
}
