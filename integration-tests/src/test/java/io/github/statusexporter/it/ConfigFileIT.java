package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapping file over real sources, as a user would write one, loaded and reloaded. The agent's own
 * reading and mapping, whatever the JDK: on the first JDK only (~17 s of each run).
 */
@Tag("first-jdk-only")
class ConfigFileIT {
  private static final String HEALTH =
      "{\"status\": \"UP\", \"components\": {\"db\": {\"status\": \"UP\", \"details\":"
          + " {\"database\": \"PostgreSQL\"}}, \"redis\": {\"status\": \"DOWN\"}}}";

  @TempDir Path directory;
  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();

  private Path writeConfig(String yaml) throws Exception {
    Path file = directory.resolve("status-exporter.yml");
    Path temporary = directory.resolve("status-exporter.yml.new");
    Files.writeString(temporary, yaml);
    // Replaced in one step, as editors and configuration managers do.
    Files.move(
        temporary,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private JavaProcess demoAppWithConfig(Path file, Map<String, String> environment)
      throws Exception {
    // A long timeout: the first read of an HTTPS source (TLS set-up, class loading) can take over
    // the default 2 s on a busy machine, and these tests are about the mapping, not timeouts.
    JavaProcess app =
        JavaProcess.demoApp(
            appPort, "port=" + agentPort + ",config=" + file + ",timeout=20s", environment);
    app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
    return app;
  }

  @Test
  void aFileWithAnHttpsAndAnMBeanSourceGivesExactlyTheMappedFamilies() throws Exception {
    try (TlsStatusServer health = new TlsStatusServer(directory, "t0ken", HEALTH)) {
      Path file =
          writeConfig(
              """
              sources:
                - name: health
                  url: %s
                  headers:
                    Authorization: Bearer ${HEALTH_TOKEN}
                  ca_file: %s
                  metrics:
                    - name: app_up
                      help: 1 if the application reports UP
                      field: status
                      values: {UP: 1, DOWN: 0}
                    - name: app_component_status
                      type: stateset
                      help: Health of each component
                      each: components
                      key_label: component
                      field: status
                      states: [UP, DOWN]
                    - name: app_database_info
                      type: info
                      help: The database in use
                      label_fields: {database: components.db.details.database}
                - name: demo
                  mbean: demo:type=Status
                  metrics:
                    - name: demo_uptime_seconds
                      help: Uptime of the demo app
                      unit: seconds
                      field: total_uptime
                    - name: demo_workers_busy
                      help: Busy workers
                      field: current_requests
              """
                  .formatted(health.url(), health.certificate()));

      try (JavaProcess app = demoAppWithConfig(file, Map.of("HEALTH_TOKEN", "t0ken"))) {
        Scrape scrape = Scrape.of(agentPort);

        assertThat(
                scrape.family("app_up")
                    + scrape.family("app_component_status")
                    + scrape.family("app_database_info")
                    + scrape.family("demo_workers_busy"))
            .isEqualTo(
                """
                # HELP app_up 1 if the application reports UP
                # TYPE app_up gauge
                app_up 1.0
                # HELP app_component_status Health of each component
                # TYPE app_component_status gauge
                app_component_status{app_component_status="DOWN",component="db"} 0.0
                app_component_status{app_component_status="DOWN",component="redis"} 1.0
                app_component_status{app_component_status="UP",component="db"} 1.0
                app_component_status{app_component_status="UP",component="redis"} 0.0
                # HELP app_database_info The database in use
                # TYPE app_database_info gauge
                app_database_info{database="PostgreSQL"} 1
                # HELP demo_workers_busy Busy workers
                # TYPE demo_workers_busy gauge
                demo_workers_busy 0.0
                """);
        assertThat(scrape.value("demo_uptime_seconds")).isPositive();
        assertThat(scrape.value("status_exporter_source_up{source=\"health\"}")).isEqualTo(1.0);
        assertThat(scrape.value("status_exporter_source_up{source=\"demo\"}")).isEqualTo(1.0);
        assertThat(app.stderr())
            .contains("status-exporter: loaded " + file + ": 2 sources, 5 metrics");
      }
    }
  }

  @Test
  void withoutTheTokenOrTheCaTheSourceFailsAndSaysWhy() throws Exception {
    try (TlsStatusServer health = new TlsStatusServer(directory, "t0ken", HEALTH)) {
      String metrics = "    metrics: [{name: app_up, field: status, values: {UP: 1}}]\n";
      Path file =
          writeConfig(
              "sources:\n"
                  + "  - name: no_token\n    url: "
                  + health.url()
                  + "\n    ca_file: "
                  + health.certificate()
                  + "\n"
                  + metrics
                  + "  - name: no_ca\n    url: "
                  + health.url()
                  + "\n"
                  + metrics.replace("app_up", "other_up"));

      try (JavaProcess app = demoAppWithConfig(file, Map.of())) {
        Scrape scrape = Scrape.of(agentPort);

        assertThat(
                scrape.value(
                    "status_exporter_source_read_errors_total"
                        + "{reason=\"http_status\",source=\"no_token\"}"))
            .isEqualTo(1.0);
        assertThat(
                scrape.value(
                    "status_exporter_source_read_errors_total{reason=\"io_error\",source=\"no_ca\"}"))
            .isEqualTo(1.0);
        assertThat(scrape.text).doesNotContain("app_up").doesNotContain("other_up");
      }
    }
  }

  @Test
  void aChangedFileIsReloadedAndABadOneKeepsTheLastGoodOne() throws Exception {
    Path file =
        writeConfig(
            "sources:\n  - mbean: demo:type=Status\n    metrics:\n"
                + "      - {name: demo_busy, field: current_requests}\n");
    try (JavaProcess app = demoAppWithConfig(file, Map.of())) {
      assertThat(Scrape.of(agentPort).hasFamily("demo_busy")).isTrue();

      writeConfig(
          "sources:\n  - mbean: demo:type=Status\n    metrics:\n"
              + "      - {name: demo_busy, field: current_requests}\n"
              + "      - {name: demo_waiting, field: pending_requests}\n");
      Wait.until(
          "the reloaded file's new metric",
          Duration.ofSeconds(10),
          () -> Scrape.of(agentPort).hasFamily("demo_waiting") ? true : null);

      writeConfig("sources:\n  - mbean: demo:type=Status\n    metrics: [ {name: broken\n");
      Scrape afterBadFile =
          Wait.until(
              "the failed reload",
              Duration.ofSeconds(10),
              () -> {
                Scrape s = Scrape.of(agentPort);
                return s.value("status_exporter_config_reload_failures_total") == 1.0 ? s : null;
              });

      assertThat(afterBadFile.value("status_exporter_config_last_reload_successful"))
          .isEqualTo(0.0);
      assertThat(afterBadFile.hasFamily("demo_busy")).isTrue();
      assertThat(afterBadFile.hasFamily("demo_waiting")).isTrue();
      assertThat(app.stderr())
          .anyMatch(
              line ->
                  line.startsWith("status-exporter: configuration not loaded: " + file + ":")
                      && line.endsWith("; the last good configuration stays in force"));
    }
  }

  @Test
  void aBadFileAtStartServesJvmMetricsOnlyUntilItIsFixed() throws Exception {
    Path file = writeConfig("sources:\n  - mbean: demo:type=Status\n    metrics: []\n");
    try (JavaProcess app = demoAppWithConfig(file, Map.of())) {
      assertThat(app.stderr())
          .contains(
              "status-exporter: configuration not loaded: "
                  + file
                  + ":3: sources[0].metrics: needs at least one metric; serving JVM metrics only"
                  + " until the file is fixed");
      Scrape before = Scrape.of(agentPort);
      assertThat(before.value("status_exporter_config_last_reload_successful")).isEqualTo(0.0);
      assertThat(before.text).doesNotContain("demo_busy");

      writeConfig(
          "sources:\n  - mbean: demo:type=Status\n    metrics:\n"
              + "      - {name: demo_busy, field: current_requests}\n");
      Scrape after =
          Wait.until(
              "the fixed file",
              Duration.ofSeconds(10),
              () -> {
                // The sources change a moment before the reload gauge: wait for both.
                Scrape s = Scrape.of(agentPort);
                return s.hasFamily("demo_busy")
                        && Double.valueOf(1.0)
                            .equals(s.value("status_exporter_config_last_reload_successful"))
                    ? s
                    : null;
              });
      assertThat(after.hasFamily("demo_busy")).isTrue();
    }
  }
}
