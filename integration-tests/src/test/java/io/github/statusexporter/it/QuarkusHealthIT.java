package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * MicroProfile Health as Quarkus serves it (SmallRye Health, Quarkus 3 from Maven Central, its
 * fast-jar launched with {@code java -jar}): {@code /q/health} answers 503 with its JSON body while
 * a {@code @Readiness} check (the app's {@code payments}, switched over HTTP) is DOWN. Its checks
 * are an array of {@code {name, status}}, each a series labelled by its name alone ({@code each}
 * without {@code key_label}: the place in the array means nothing).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuarkusHealthIT {
  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private JavaProcess app;

  @BeforeAll
  void launch(@TempDir Path directory) throws Exception {
    Path mapping = directory.resolve("status-exporter.yml");
    Files.writeString(
        mapping,
        """
        sources:
          - name: health
            url: http://localhost:%d/q/health
            metrics:
              - name: app_status
                type: stateset
                field: status
                states: [UP, DOWN]
              - name: app_check_status
                type: stateset
                each: checks
                label_fields: {check: name}
                field: status
                states: [UP, DOWN]
        """
            .formatted(appPort));
    app = JavaProcess.quarkusApp(appPort, "port=" + agentPort + ",config=" + mapping);
    app.awaitStderr(line -> line.contains(" serving http://"), Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void itsHealthIsExportedUpThenDownFromThe503sBodyThenUpAgain() {
    assertThat(health()).isEqualTo(200);
    Scrape up = Scrape.of(agentPort);
    assertThat(up.family("app_status")).isEqualTo(appStatus("UP"));
    assertThat(up.family("app_check_status")).isEqualTo(payments("UP"));
    assertThat(up.value("status_exporter_source_up{source=\"health\"}")).isEqualTo(1.0);

    switchPayments("down");
    assertThat(health()).isEqualTo(503);
    Scrape down = Scrape.of(agentPort);
    assertThat(down.family("app_status")).isEqualTo(appStatus("DOWN"));
    assertThat(down.family("app_check_status")).isEqualTo(payments("DOWN"));
    assertThat(down.value("status_exporter_source_up{source=\"health\"}")).isEqualTo(1.0);

    switchPayments("up");
    assertThat(health()).isEqualTo(200);
    Scrape back = Scrape.of(agentPort);
    assertThat(back.family("app_status")).isEqualTo(appStatus("UP"));
    assertThat(back.family("app_check_status")).isEqualTo(payments("UP"));
    assertThat(back.value("status_exporter_source_up{source=\"health\"}")).isEqualTo(1.0);
    assertThat(
            back.value(
                "status_exporter_source_read_errors_total{reason=\"http_status\",source=\"health\"}"))
        .isEqualTo(0.0);
  }

  /**
   * Quarkus serves HTTP with Vert.x core and routes with vertx-web, whose requests and routes the
   * agent measures, under the wrapper Quarkus puts around each request ({@code
   * QuarkusRequestWrapper}): its health endpoint is a route of its own; Quarkus REST matches its
   * JAX-RS templates itself, behind one vertx-web route, {@code /*}.
   */
  @Test
  void itsRequestsAreMeasuredOnVertxWithTheirVertxWebRoutes() {
    RequestSeries series = new RequestSeries(agentPort);
    Map<String, Double> before = series.counts();

    switchPayments("up");
    assertThat(health()).isEqualTo(200);
    assertThat(health()).isEqualTo(200);

    series.awaitAdded(
        before,
        Map.of(
            RequestSeries.count("POST", "200", "/*"), 1.0,
            RequestSeries.count("GET", "200", "/q/health"), 2.0));
    assertThat(app.stderr()).contains("status-exporter: measuring requests on Vert.x 4.5.27");
  }

  private int health() {
    return Http.get("http://localhost:" + appPort + "/q/health").statusCode();
  }

  private void switchPayments(String state) {
    assertThat(Http.post("http://localhost:" + appPort + "/test/health/" + state, "").statusCode())
        .isEqualTo(200);
  }

  private static String appStatus(String state) {
    return """
        # HELP app_status Status field status
        # TYPE app_status gauge
        app_status{app_status="DOWN"} %d.0
        app_status{app_status="UP"} %d.0
        """
        .formatted(state.equals("DOWN") ? 1 : 0, state.equals("UP") ? 1 : 0);
  }

  private static String payments(String state) {
    return """
        # HELP app_check_status Status field status
        # TYPE app_check_status gauge
        app_check_status{app_check_status="DOWN",check="payments"} %d.0
        app_check_status{app_check_status="UP",check="payments"} %d.0
        """
        .formatted(state.equals("DOWN") ? 1 : 0, state.equals("UP") ? 1 : 0);
  }
}
