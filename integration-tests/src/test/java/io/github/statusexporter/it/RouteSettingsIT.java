package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routes ignored, templated and capped on the demo app (JDK server contexts /status, /work,
 * /health), configured as a user configures them: the mapping file's requests: section and the
 * ignore-routes option. On the first JDK only: the settings are the agent's code, the JDK server's
 * contexts are measured on both JDKs by JdkServerRequestMetricsIT.
 */
@Tag("first-jdk-only")
class RouteSettingsIT {
  private static final String COUNT = "http_server_request_duration_seconds_count";

  @TempDir Path directory;
  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();

  private Path writeConfig(String requests) throws Exception {
    Path file = directory.resolve("status-exporter.yml");
    Path temporary = directory.resolve("status-exporter.yml.new");
    // An MBean source: the agent's reads of /status would be left out anyway, but this way no
    // route is made by anything but the test's own requests.
    Files.writeString(
        temporary,
        "sources:\n"
            + "  - mbean: demo:type=Status\n"
            + "    metrics:\n"
            + "      - name: demo_workers_busy\n"
            + "        field: current_requests\n"
            + requests);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private static String series(String route) {
    return COUNT
        + "{http_request_method=\"GET\",http_response_status_code=\"200\",http_route=\""
        + route
        + "\",url_scheme=\"http\"}";
  }

  private static String count(String route, int count) {
    return series(route) + " " + count;
  }

  @Test
  void ignoredRoutesHaveNoSeriesTemplatesNameTheirPathsAndTheCapFoldsTheRest() throws Exception {
    Path file =
        writeConfig(
            """
            requests:
              ignore: [/health]
              templates: ["/work/{id}", "/work/{id}/{step}"]
              max_routes: 2
            """);
    try (JavaProcess app =
        JavaProcess.demoApp(
            appPort, "port=" + agentPort + ",config=" + file + ",ignore-routes=/status")) {
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      String demo = "http://localhost:" + appPort;
      for (int i = 0; i < 3; i++) {
        Http.get(demo + "/health");
        Http.get(demo + "/status");
      }
      Http.get(demo + "/work/1?ms=0");
      Http.get(demo + "/work/2?ms=0");
      Http.get(demo + "/work?ms=0");
      // A third route, past max_routes: 2 (/work, /work/{id})
      Http.get(demo + "/work/3/check?ms=0");

      Scrape scrape = Scrape.awaitValue(agentPort, series("_OTHER"), 1.0, Duration.ofSeconds(5));
      assertThat(lines(scrape, COUNT))
          .isEqualTo(
              String.join("\n", count("/work", 1), count("/work/{id}", 2), count("_OTHER", 1)));
      assertThat(scrape.value("status_exporter_routes_folded_total")).isEqualTo(1.0);
      assertThat(scrape.text).doesNotContain("/health").doesNotContain("/status");

      // A changed section is reported, and applies at the next start only.
      writeConfig("requests:\n  ignore: [/work]\n");
      app.awaitStderr(
          line -> line.contains("requests: section of " + file + " changed"),
          Duration.ofSeconds(10));
      Http.get(demo + "/work?ms=0");
      Http.get(demo + "/health");
      Scrape.awaitValue(agentPort, series("/work"), 2.0, Duration.ofSeconds(5));
      assertThat(Scrape.of(agentPort).text).doesNotContain("/health");
    }
  }

  private static String lines(Scrape scrape, String prefix) {
    return scrape
        .text
        .lines()
        .filter(line -> line.startsWith(prefix))
        .collect(java.util.stream.Collectors.joining("\n"));
  }
}
