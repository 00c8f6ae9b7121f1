package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /-/sources} of the demo app's agent with three sources, as curl and a real browser
 * (Debian's headless chromium) get it: the demo app's HTTP status, its MBean, and a vendor endpoint
 * whose document holds markup, which a person must read as text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourcesPageIT {
  private static final String HOSTILE =
      "<b id=\\\"pwned\\\">bold</b><script>document.title='pwned'</script>";

  @TempDir static Path directory;
  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private FaultyStatusServer vendor;
  private JavaProcess app;
  private Curl curl;
  private String beforeAnyScrape;

  @BeforeAll
  void start() throws Exception {
    curl = new Curl(directory);
    vendor = new FaultyStatusServer();
    vendor.answer(
        200,
        ("{\"version\": \""
                + HOSTILE
                + "\", \"connections\": {\"active\": 3, \"max\": \"unlimited\"}, \"tags\": []}")
            .getBytes(StandardCharsets.UTF_8),
        0,
        null);
    Path config = directory.resolve("status-exporter.yml");
    Files.writeString(
        config,
        """
        sources:
          - name: status
            url: http://localhost:%d/status
            metrics:
              - {name: app_requests_current, field: currentRequests}
              - {name: app_health, type: stateset, field: health, states: [healthy, unhealthy]}
              - {name: app_queue_depth, field: queue_depth}
          - name: demo
            mbean: demo:type=Status
            metrics:
              - {name: demo_uptime_seconds, unit: seconds, field: TotalUptime}
          - name: vendor
            url: %s?token=s3cret
            metrics:
              - {name: vendor_connections_active, field: connections.active}
              - {name: vendor_connections_max, field: connections.max}
              - {name: vendor_uptime_seconds, unit: seconds, field: uptime}
              - {name: vendor_build_info, type: info, label_fields: {version: version}}
        """
            .formatted(appPort, vendor.url()));
    app = JavaProcess.demoApp(appPort, "port=" + agentPort + ",config=" + config);
    app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
    beforeAnyScrape = curl.get(url()).body;
    Scrape.of(agentPort);
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (vendor != null) {
      vendor.close();
    }
  }

  private String url() {
    return "http://localhost:" + agentPort + "/-/sources";
  }

  /** The page's JSON with the times of reads, which change, as T. */
  private static String withoutTimes(String json) {
    return json.replaceAll("\"at\":\"[^\"]+\",\"seconds\":[0-9.E-]+", "\"at\":T");
  }

  @Test
  void curlGetsJsonWithEveryFieldItsTypeAndWhatBecameOfIt() throws Exception {
    Curl.Response response = curl.get(url());

    assertThat(response.status).isEqualTo(200);
    assertThat(response.headers).containsIgnoringCase("Content-Type: application/json");
    String json = withoutTimes(response.body);
    assertThat(json)
        .contains(
            "{\"name\":\"vendor\",\"address\":\""
                + vendor.url()
                + "?token=***\",\"last_read\":{\"at\":T,\"outcome\":\"up\"},"
                + "\"unreadable_fields\":0,\"unreadable\":[],\"records\":[{\"labels\":{},\"fields\":["
                + "{\"path\":\"version\",\"value\":\""
                + HOSTILE
                + "\",\"type\":\"string\","
                + "\"fates\":[{\"metric\":\"vendor_build_info\",\"as\":\"label\","
                + "\"label\":\"version\"}]},"
                + "{\"path\":\"connections.active\",\"value\":\"3\",\"type\":\"number\","
                + "\"fates\":[{\"metric\":\"vendor_connections_active\",\"as\":\"value\"}]},"
                + "{\"path\":\"connections.max\",\"value\":\"unlimited\",\"type\":\"string\","
                + "\"fates\":[{\"metric\":\"vendor_connections_max\",\"skipped\":\"wrong_type\"}]},"
                + "{\"path\":\"tags\",\"value\":\"[]\",\"type\":\"array\",\"fates\":[]},"
                + "{\"path\":\"uptime\",\"value\":null,\"type\":\"missing\","
                + "\"fates\":[{\"metric\":\"vendor_uptime_seconds\",\"skipped\":\"missing\"}]}]}],"
                + "\"fields_not_shown\":0,\"fates_not_shown\":0}")
        // Field names as the document has them, whatever case the mapping wrote them in.
        .contains(
            "{\"path\":\"current_requests\",\"value\":\"0\",\"type\":\"number\","
                + "\"fates\":[{\"metric\":\"app_requests_current\",\"as\":\"value\"}]},"
                + "{\"path\":\"pending_requests\",\"value\":\"0\",\"type\":\"number\","
                + "\"fates\":[]}")
        .contains(
            "{\"path\":\"health\",\"value\":\"healthy\",\"type\":\"string\","
                + "\"fates\":[{\"metric\":\"app_health\",\"as\":\"value\"}]}")
        .contains(
            "{\"path\":\"queue_depth\",\"value\":null,\"type\":\"missing\","
                + "\"fates\":[{\"metric\":\"app_queue_depth\",\"skipped\":\"missing\"}]}")
        .containsPattern(
            "\\{\"name\":\"demo\",\"address\":\"mbean:demo:type=Status\","
                + "\"last_read\":\\{\"at\":T,\"outcome\":\"up\"},\"unreadable_fields\":0,\"unreadable\":\\[],"
                + ".*\\{\"path\":\"total_uptime\",\"value\":\"[0-9.]+\",\"type\":\"number\","
                + "\"fates\":\\[\\{\"metric\":\"demo_uptime_seconds\",\"as\":\"value\"}]}");
    assertThat(response.body).doesNotContain("s3cret");
  }

  @Test
  void beforeTheFirstScrapeEachSourceIsNotReadYet() {
    assertThat(beforeAnyScrape)
        .startsWith("{\"sources\":[{\"name\":\"status\",\"address\":\"http://localhost:")
        .contains("\"name\":\"demo\",\"address\":\"mbean:demo:type=Status\",\"last_read\":null")
        .contains(
            "\"name\":\"vendor\",\"address\":\""
                + vendor.url()
                + "?token=***\","
                + "\"last_read\":null");
  }

  @Test
  void aBrowserShowsEachSourceItsFieldsAndTheirFatesWithMarkupFromASourceAsText() throws Exception {
    Path chromium = Tools.require("chromium", "chromium");
    String dom =
        Tools.check(
            directory,
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--user-data-dir=" + directory.resolve("chromium-profile"),
            "--dump-dom",
            url());

    assertThat(dom)
        .contains("<title>status sources - status-exporter</title>")
        .contains("<h2>vendor <span class=\"addr\">" + vendor.url() + "?token=***</span></h2>")
        .contains("<h2>demo <span class=\"addr\">mbean:demo:type=Status</span></h2>")
        .containsPattern(
            "<p>Last read \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC, \\d+ ms:"
                + " <strong class=\"up\">up</strong></p>")
        .contains(
            "<tr><td><code>connections.active</code></td><td class=\"value\">3</td>"
                + "<td>number</td><td><code>vendor_connections_active</code></td></tr>")
        .contains(
            "<tr><td><code>connections.max</code></td><td class=\"value\">unlimited</td>"
                + "<td>string</td><td><span class=\"skip\"><code>vendor_connections_max</code>"
                + " skipped: wrong_type</span></td></tr>")
        .contains(
            "<tr><td><code>pending_requests</code></td><td class=\"value\">0</td>"
                + "<td>number</td><td><span class=\"none\">not mapped</span></td></tr>")
        // The browser parsed the hostile value as text: no element of it exists in the page.
        .contains(
            "<td class=\"value\">&lt;b id=\"pwned\"&gt;bold&lt;/b&gt;&lt;script&gt;"
                + "document.title='pwned'&lt;/script&gt;</td>")
        .doesNotContain("<b id=\"pwned\">")
        .doesNotContain("<script");

    Path screenshot = Path.of("target", "sources-page.png").toAbsolutePath();
    Tools.check(
        directory,
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--user-data-dir=" + directory.resolve("chromium-profile"),
        "--screenshot=" + screenshot,
        "--window-size=1200,900",
        url());
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
  }
}
