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
 * /actuator/health} answers 503 with its JSON body when anything is down (here its disk space
 * check, with a threshold no disk meets). The agent exports that DOWN state rather than dropping
 * the reading; a source that accepts only 200 ({@code valid_status_codes: [200]}) fails its read
 * and says why.
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
            List.of(
                "--management.health.diskspace.threshold=10000TB",
                "--management.endpoint.health.show-components=always"));
    app.awaitStderr(line -> line.contains(" serving http://"), Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theApplicationIsDownAndSaysSoWith503() {
    assertThat(Http.get("http://localhost:" + appPort + "/actuator/health").statusCode())
        .isEqualTo(503);
  }

  @Test
  void itsDownStateIsExportedFromThe503sBody() {
    Scrape scrape = Scrape.of(agentPort);

    assertThat(scrape.value("app_status{app_status=\"DOWN\"}")).isEqualTo(1.0);
    assertThat(scrape.value("app_status{app_status=\"UP\"}")).isEqualTo(0.0);
    assertThat(
            scrape.value(
                "app_component_status{app_component_status=\"DOWN\",component=\"diskSpace\"}"))
        .isEqualTo(1.0);
    assertThat(scrape.value("status_exporter_source_up{source=\"health\"}")).isEqualTo(1.0);
  }

  @Test
  void aSourceThatAcceptsOnly200FailsItsReadAndSaysWhy() {
    Scrape scrape = Scrape.of(agentPort);

    assertThat(scrape.value("status_exporter_source_up{source=\"strict\"}")).isEqualTo(0.0);
    assertThat(
            scrape.value(
                "status_exporter_source_read_errors_total{reason=\"http_status\",source=\"strict\"}"))
        .isPositive();
    assertThat(scrape.text).doesNotContain("app_strict_up");
    assertThat(app.stderr())
        .contains(
            "status-exporter: status source http://localhost:"
                + appPort
                + "/actuator/health cannot be read: answered HTTP 503, not one of its"
                + " valid_status_codes 200; app metrics are left out until it answers");
  }
}
