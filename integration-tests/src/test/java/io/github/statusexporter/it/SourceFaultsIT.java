package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a status endpoint can misbehave, read by a real agent: the scrape still answers 200,
 * the application's metrics are left out rather than stale, and the self-metrics say why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceFaultsIT {
  private static final String GOOD =
      "{\"current_requests\": 1, \"pending_requests\": 0, \"total_uptime\": 5.0,"
          + " \"health\": \"healthy\"}";

  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private FaultyStatusServer status;
  private JavaProcess app;

  @BeforeAll
  void start() throws Exception {
    status = new FaultyStatusServer();
    app =
        JavaProcess.demoApp(
            appPort, "port=" + agentPort + ",source=" + status.url() + ",timeout=500ms");
    app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() throws Exception {
    app.close();
    status.close();
  }

  /**
   * Answers well again and waits until a read shows it: a read stuck by the timeout case must run
   * out before the next case, since reads are never doubled up.
   */
  private void answerWell() {
    status.answer(200, GOOD.getBytes(StandardCharsets.UTF_8), 0, null);
    Scrape.awaitValue(agentPort, "app_requests_current", 1.0, Duration.ofSeconds(10));
  }

  private double readErrors(Scrape scrape, String reason) {
    Double value =
        scrape.value(
            "status_exporter_source_read_errors_total{reason=\""
                + reason
                + "\",source=\"default\"}");
    return value == null ? 0 : value;
  }

  private static byte[] body(String kind) {
    switch (kind) {
      case "huge":
        byte[] huge = new byte[2 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        return huge;
      case "deep":
        return ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
      default:
        return kind.getBytes(StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTP 404 | 404 | {} | 0 | | http_status",
        // A 500 or 503 is read when its body is JSON (a health endpoint's DOWN), not a page.
        "HTTP 500 with an error page | 500 | <html>error</html> | 0 | | http_status",
        "HTTP 503 with no body | 503 | | 0 | | http_status",
        "a redirect | 302 | | 0 | http://127.0.0.1:1/elsewhere | http_status",
        "HTML | 200 | <html>down</html> | 0 | | invalid_json",
        "an empty body | 200 | | 0 | | invalid_json",
        "truncated JSON | 200 | '{\"current_requests\": 1, \"pend' | 0 | | invalid_json",
        "a JSON array | 200 | [1, 2] | 0 | | invalid_json",
        "NaN | 200 | '{\"current_requests\": NaN}' | 0 | | invalid_json",
        "deep nesting | 200 | deep | 0 | | invalid_json",
        "a body over 1 MiB | 200 | huge | 0 | | too_large",
        "no answer within the timeout | 200 | {} | 2000 | | timeout",
      })
  void aFailedReadIsCountedByReasonAndLeavesNoStaleValues(
      String fault, int code, String kind, long delay, String location, String reason) {
    answerWell();
    double before = readErrors(Scrape.of(agentPort), reason);

    status.answer(code, body(kind == null ? "" : kind), delay, location);
    long start = System.nanoTime();
    Scrape scrape = Scrape.of(agentPort);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(scrape.text).as(fault).doesNotContain("app_requests_current");
    assertThat(scrape.value("status_exporter_source_up{source=\"default\"}")).isEqualTo(0.0);
    assertThat(readErrors(scrape, reason)).as(fault).isEqualTo(before + 1);
    assertThat(millis).as("the scrape waits no longer than the timeout").isLessThan(1_500);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a huge number | '{\"current_requests\": 1e400, \"health\": \"healthy\"}'"
            + " | app_requests_current | not_finite",
        "a string for a number | '{\"current_requests\": \"many\", \"health\": \"healthy\"}'"
            + " | app_requests_current | wrong_type",
        "an unknown health state | '{\"current_requests\": 1, \"health\": \"degraded\"}'"
            + " | app_health | unknown_state",
        "a missing field | '{\"health\": \"healthy\"}' | app_uptime | missing",
      })
  void anUnusableValueLeavesOutOnlyItsMetricAndIsCounted(
      String fault, String json, String metric, String reason) {
    String skipped =
        "status_exporter_values_skipped_total{metric=\""
            + metric
            + "\",reason=\""
            + reason
            + "\",source=\"default\"}";
    answerWell();
    Double before = Scrape.of(agentPort).value(skipped);

    status.answer(200, json.getBytes(StandardCharsets.UTF_8), 0, null);
    Scrape scrape = Scrape.of(agentPort);

    assertThat(scrape.value("status_exporter_source_up{source=\"default\"}")).isEqualTo(1.0);
    assertThat(scrape.text).as(fault).doesNotContain("# TYPE " + metric + " ");
    assertThat(scrape.value(skipped)).as(fault).isEqualTo((before == null ? 0 : before) + 1);
  }
}
