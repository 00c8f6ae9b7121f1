package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A health endpoint that reports trouble, read as its users would: Spring Boot 3's {@code
 * /actuator/health} answers 503 with its JSON body while a health indicator (the app's {@code
 * payments}, switched over HTTP) is DOWN, and 200 again once it is back. The agent exports the DOWN
 * state from that 503 rather than dropping the reading, and its source stays up throughout; a
 * source that accepts only 200 ({@code valid_status_codes: [200]}) fails its reads while DOWN and
 * recovers after, saying so once each way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthEndpointsIT {
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
            url: http://localhost:%1$d/actuator/health
            metrics:
              - name: app_status
                type: stateset
                field: status
                states: [UP, DOWN, OUT_OF_SERVICE, UNKNOWN]
              - name: app_component_status
                type: stateset
                each: components
                key_label: component
                field: status
                states: [UP, DOWN]
          - name: strict
            url: http://localhost:%1$d/actuator/health
            valid_status_codes: [200]
            metrics:
              - name: app_strict_up
                field: status
                values: {UP: 1, DOWN: 0}
        """
            .formatted(appPort));
    app =
        JavaProcess.springBootApp(
            SpringBootApp.BOOT_3,
            appPort,
            "port=" + agentPort + ",config=" + mapping,
            List.of("--management.endpoint.health.show-components=always"));
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
    assertThat(up.family("app_component_status")).isEqualTo(components("UP"));
    assertThat(up.family("app_strict_up")).isEqualTo(strictUp());
    assertThat(sourcesUp(up)).isEqualTo(sourcesUp(1, 1));

    switchPayments("down");
    assertThat(health()).isEqualTo(503);
    Scrape down = Scrape.of(agentPort);
    assertThat(down.family("app_status")).isEqualTo(appStatus("DOWN"));
    assertThat(down.family("app_component_status")).isEqualTo(components("DOWN"));
    assertThat(down.hasFamily("app_strict_up")).isFalse();
    assertThat(sourcesUp(down)).isEqualTo(sourcesUp(1, 0));
    assertThat(
            down.value(
                "status_exporter_source_read_errors_total{reason=\"http_status\",source=\"strict\"}"))
        .isEqualTo(1.0);

    switchPayments("up");
    assertThat(health()).isEqualTo(200);
    Scrape back = Scrape.of(agentPort);
    assertThat(back.family("app_status")).isEqualTo(appStatus("UP"));
    assertThat(back.family("app_component_status")).isEqualTo(components("UP"));
    assertThat(back.family("app_strict_up")).isEqualTo(strictUp());
    assertThat(sourcesUp(back)).isEqualTo(sourcesUp(1, 1));
    assertThat(
            back.value(
                "status_exporter_source_read_errors_total{reason=\"http_status\",source=\"strict\"}"))
        .isEqualTo(1.0);

    // Only the strict source went down: one line when it did, one when it came back.
    String source =
        "status-exporter: status source http://localhost:" + appPort + "/actuator/health";
    assertThat(app.stderr())
        .filteredOn(line -> line.startsWith(source))
        .containsExactly(
            source
                + " cannot be read: answered HTTP 503, not one of its valid_status_codes 200;"
                + " app metrics are left out until it answers",
            source + " is back up");
  }

  private int health() {
    return Http.get("http://localhost:" + appPort + "/actuator/health").statusCode();
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
        app_status{app_status="OUT_OF_SERVICE"} 0.0
        app_status{app_status="UNKNOWN"} 0.0
        app_status{app_status="UP"} %d.0
        """
        .formatted(state.equals("DOWN") ? 1 : 0, state.equals("UP") ? 1 : 0);
  }

  /** Actuator's components, all UP but the payments indicator, which is {@code payments}. */
  private static String components(String payments) {
    return """
        # HELP app_component_status Status field status
        # TYPE app_component_status gauge
        app_component_status{app_component_status="DOWN",component="diskSpace"} 0.0
        app_component_status{app_component_status="DOWN",component="payments"} %d.0
        app_component_status{app_component_status="DOWN",component="ping"} 0.0
        app_component_status{app_component_status="DOWN",component="ssl"} 0.0
        app_component_status{app_component_status="UP",component="diskSpace"} 1.0
        app_component_status{app_component_status="UP",component="payments"} %d.0
        app_component_status{app_component_status="UP",component="ping"} 1.0
        app_component_status{app_component_status="UP",component="ssl"} 1.0
        """
        .formatted(payments.equals("DOWN") ? 1 : 0, payments.equals("UP") ? 1 : 0);
  }

  private static String strictUp() {
    return """
        # HELP app_strict_up Status field status
        # TYPE app_strict_up gauge
        app_strict_up 1.0
        """;
  }

  private static String sourcesUp(Scrape scrape) {
    return scrape.family("status_exporter_source_up").replaceAll("(?m)^#.*\n", "");
  }

  private static String sourcesUp(int health, int strict) {
    return """
        status_exporter_source_up{source="health"} %d.0
        status_exporter_source_up{source="strict"} %d.0
        """
        .formatted(health, strict);
  }
}
