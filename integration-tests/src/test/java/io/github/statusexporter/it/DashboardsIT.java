package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.statusexporter.it.GrafanaDashboard.LabelValues;
import io.github.statusexporter.it.GrafanaDashboard.Query;
import io.github.statusexporter.it.OpensslPki.KeyKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboards and the Prometheus rules of docs/examples/, against a real Prometheus that
 * scrapes the demo app and a Tomcat servlet application with the agent after known traffic, and
 * evaluates the rules: every query of every panel, every variable and every rule answers with data.
 * A metric renamed in the agent fails here, not on a user's dashboard.
 *
 * <p>The two targets cover what the queries must cope with: the demo app keeps its request
 * durations as a native histogram (histogram=both, which Prometheus stores as native only), reads
 * its status through a mapping file and serves its metrics over TLS; Tomcat keeps classic buckets
 * and reads its status with the default mapping.
 *
 * <p>The queries and the series' names do not depend on the JDK: on the first JDK only (~13 s of
 * each run).
 */
@Tag("first-jdk-only")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(
    value = "prometheusInstalled",
    disabledReason = "prometheus not found: apt-get install prometheus to run this test")
class DashboardsIT {
  private static final String JOB = "status-exporter";

  /** PromQL words and function-like keywords that are no metric name. */
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring");

  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w:.])[a-zA-Z_:][\\w:]*+(?!\\s*\\()");

  @TempDir static Path files;

  private final StartedResources started = new StartedResources();
  private AgentTarget demo;
  private AgentTarget tomcat;
  private PrometheusServer prometheus;

  static boolean prometheusInstalled() {
    return Executables.isInstalled("prometheus", "prometheus");
  }

  @BeforeAll
  void startTargetsAndPrometheusThenSendTraffic() throws Exception {
    Path webConfig = tlsWebConfig();
    demo =
        started.add(
            AgentTarget.demoApp(
                "demo",
                port -> "histogram=both,config=" + mappingFile(port) + ",web-config=" + webConfig));
    tomcat = started.add(AgentTarget.servletApp("tomcat", ServletApp.TOMCAT_11));
    ScrapeJob example = ScrapeJob.fromFile(PrometheusEndToEndIT.SCRAPE_EXAMPLE, JOB);
    ScrapeJob overTls =
        example
            .named(JOB + "-tls")
            .with("scheme", "https")
            .with("tls_config", Map.of("ca_file", files.resolve("ca.crt").toString()))
            .target(demo.app(), demo.address());
    prometheus =
        started.add(
            PrometheusServer.start(
                Duration.ofSeconds(1),
                List.of(example.target(tomcat.app(), tomcat.address()), overTls),
                List.of(PrometheusRulesIT.RULES)));
    sendTraffic();
  }

  /** A server certificate of a CA of our own (valid two days: the expiry alert fires). */
  private Path tlsWebConfig() throws Exception {
    OpensslPki pki = new OpensslPki(files);
    pki.authority("ca");
    pki.key("agent", KeyKind.EC_PKCS8);
    pki.certificate("agent", "ca", true);
    return Files.writeString(
        files.resolve("web-config.yml"),
        "tls_server_config:\n  cert_file: agent.crt\n  key_file: agent.key\n");
  }

  /** The default mapping of the demo's status, written out as a mapping file. */
  private Path mappingFile(int demoPort) {
    try {
      return Files.writeString(
          files.resolve("mapping-" + demoPort + ".yml"),
          "sources:\n"
              + "  - name: demo\n"
              + "    url: http://localhost:"
              + demoPort
              + "/status\n"
              + "    metrics:\n"
              + "      - {name: app_requests_current, field: current_requests}\n"
              + "      - {name: app_requests_pending, field: pending_requests}\n"
              + "      - {name: app_uptime, field: total_uptime}\n"
              + "      - name: app_health\n"
              + "        type: stateset\n"
              + "        field: health\n"
              + "        states: [healthy, unhealthy]\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fast and slow requests to both; errors on Tomcat's /shop/fail only. One of each first, and the
   * rest once Prometheus has their series: a counter's increase before its first scrape is no rate,
   * and the error ratio of requests that all came before would be 0 / 0.
   */
  private void sendTraffic() throws IOException, InterruptedException {
    sendRequests(1);
    awaitData(
        "the first requests scraped",
        "http_server_request_duration_seconds{instance=\""
            + demo.address()
            + "\",http_route=\"/work\"}");
    awaitData(
        "the first requests scraped",
        "http_server_request_duration_seconds_count{instance=\""
            + tomcat.address()
            + "\",http_route=\"/shop/fail\"}");
    sendRequests(10);
    // The allocation panel's counter moves at collections, and a series appears at a pool's first:
    // a real application's young generation fills all the time, these idle ones may not within
    // the test (the agent's scrapes leave little garbage).
    for (AgentTarget target : List.of(demo, tomcat)) {
      assertThat(target.process().jcmd("GC.run")).contains("Command executed successfully");
    }
  }

  private void sendRequests(int count) {
    for (int i = 0; i < count; i++) {
      assertThat(Http.get(demo.appUrl("/work?ms=" + (i % 2 == 0 ? 0 : 50))).statusCode())
          .isEqualTo(200);
      assertThat(Http.get(tomcat.appUrl("/shop/items/" + i)).statusCode()).isEqualTo(200);
      if (i % 3 == 0) {
        assertThat(Http.get(tomcat.appUrl("/shop/fail")).statusCode()).isEqualTo(500);
      }
    }
  }

  @AfterAll
  void stopEverything() throws Exception {
    started.close();
  }

  @Test
  void eachDashboardHasWhatGrafanaNeedsToImportIt() throws Exception {
    List<GrafanaDashboard> dashboards = GrafanaDashboard.all();
    assertThat(dashboards)
        .extracting(GrafanaDashboard::name)
        .containsExactly("status-exporter-jvm.json", "status-exporter-service.json");
    Set<String> uids = new HashSet<>();
    for (GrafanaDashboard dashboard : dashboards) {
      JsonNode json = dashboard.json();
      assertThat(json.path("title").asText()).as(dashboard.name()).isNotBlank();
      assertThat(uids.add(json.path("uid").asText())).as(dashboard.name() + " uid").isTrue();
      assertThat(json.path("uid").asText()).matches("[a-z0-9-]{1,40}");
      assertThat(json.path("schemaVersion").asInt()).as(dashboard.name()).isGreaterThan(30);
      JsonNode input = json.path("__inputs").path(0);
      assertThat(input.path("name").asText()).isEqualTo("DS_PROMETHEUS");
      assertThat(input.path("type").asText()).isEqualTo("datasource");
      assertThat(input.path("pluginId").asText()).isEqualTo("prometheus");
      assertThat(dashboard.variables())
          .extracting(variable -> variable.path("name").asText())
          .startsWith("DS_PROMETHEUS", "job", "instance");
      assertThat(dashboard.variables().get(0).path("type").asText()).isEqualTo("datasource");
      assertThat(dashboard.variables().get(0).path("query").asText()).isEqualTo("prometheus");

      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : json.path("panels")) {
        assertThat(ids.add(panel.path("id").asInt())).as("unique id of " + panel).isTrue();
        JsonNode grid = panel.path("gridPos");
        assertThat(grid.path("w").asInt() + grid.path("x").asInt())
            .as("gridPos of " + panel.path("title"))
            .isBetween(1, 24);
        assertThat(grid.path("h").asInt()).isPositive();
        assertThat(grid.has("y")).isTrue();
      }
      for (JsonNode panel : dashboard.panels()) {
        String title = dashboard.name() + ": " + panel.path("title").asText();
        assertThat(panel.path("type").asText())
            .as(title)
            .isIn("timeseries", "state-timeline", "table", "stat");
        assertThat(panel.path("datasource").path("uid").asText())
            .as(title)
            .isEqualTo("${DS_PROMETHEUS}");
        assertThat(panel.path("targets").size()).as(title).isPositive();
        Set<String> refIds = new HashSet<>();
        for (JsonNode target : panel.path("targets")) {
          assertThat(refIds.add(target.path("refId").asText())).as(title + " refId").isTrue();
          assertThat(target.path("refId").asText()).as(title).isNotBlank();
          assertThat(target.path("expr").asText()).as(title).isNotBlank();
          assertThat(target.path("datasource").path("uid").asText())
              .as(title)
              .isEqualTo("${DS_PROMETHEUS}");
        }
      }
    }
  }

  @Test
  void everyPanelQueryAnswersWithData() throws Exception {
    for (GrafanaDashboard dashboard : GrafanaDashboard.all()) {
      for (Query query : dashboard.queries()) {
        String promql = dashboard.substituted(query.expr());
        awaitData(dashboard.name() + " / " + query.panel() + " / " + query.refId(), promql);
      }
    }
  }

  @Test
  void theErrorRatioPanelShowsAllRequestsOfTheFailingRouteAndNoneOfTheOthers() throws Exception {
    GrafanaDashboard service =
        GrafanaDashboard.all().stream()
            .filter(dashboard -> dashboard.name().equals("status-exporter-service.json"))
            .findFirst()
            .orElseThrow();
    Query errorRatio =
        service.queries().stream()
            .filter(query -> query.panel().startsWith("Error ratio"))
            .findFirst()
            .orElseThrow();
    String promql = service.substituted(errorRatio.expr());

    Map<String, Double> byRoute =
        Wait.until(
            "the error ratio of every route sent",
            Duration.ofSeconds(20),
            () -> {
              Map<String, Double> ratios = new TreeMap<>();
              for (Series series : prometheus.query(promql)) {
                ratios.put(
                    series.label("http_request_method") + " " + series.label("http_route"),
                    series.value());
              }
              assertThat(ratios).containsKeys("GET /shop/fail", "GET /shop/items/*", "GET /work");
              // 0 / 0 until a scrape after the later requests has been evaluated (a loaded run
              // once queried before).
              assertThat(ratios.values()).noneMatch(ratio -> ratio.isNaN());
              return ratios;
            });
    assertThat(byRoute)
        .containsEntry("GET /shop/fail", 1.0)
        .containsEntry("GET /shop/items/*", 0.0)
        .containsEntry("GET /work", 0.0);
  }

  @Test
  void everyTemplateVariableFindsValuesOfBothTargets() throws Exception {
    for (GrafanaDashboard dashboard : GrafanaDashboard.all()) {
      for (LabelValues variable : dashboard.labelValues()) {
        String selector = dashboard.substituted(variable.selector());
        List<Series> series = awaitData(dashboard.name() + " $" + variable.variable(), selector);
        assertThat(series)
            .as(selector)
            .allSatisfy(s -> assertThat(s.labels()).containsKey(variable.label()));
      }
    }
    assertThat(
            prometheus.query(
                "count by (instance) (status_exporter_scrapes_refused_total{job=~\""
                    + JOB
                    + ".*\"})"))
        .as("instances of the $instance variable of the service dashboard")
        .hasSize(2);
  }

  @Test
  void everyRuleIsEvaluatedWithoutError() {
    List<JsonNode> rules =
        Wait.until(
            "every rule evaluated",
            Duration.ofSeconds(20),
            () -> {
              List<JsonNode> evaluated = prometheus.rules();
              assertThat(evaluated)
                  .allMatch(rule -> !rule.path("lastEvaluation").asText().startsWith("0001"));
              return evaluated;
            });

    assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
    for (JsonNode rule : rules) {
      assertThat(rule.path("health").asText())
          .as(rule.path("name").asText() + ": " + rule.path("lastError").asText())
          .isEqualTo("ok");
    }
  }

  @Test
  void everyRecordingRuleHasDataFromClassicAndNativeHistograms() throws Exception {
    for (Map<String, Object> rule : PrometheusRulesIT.rules()) {
      if (!rule.containsKey("record")) {
        continue;
      }
      String record = (String) rule.get("record");
      Map<?, ?> labels = rule.containsKey("labels") ? Yaml.map(rule.get("labels")) : Map.of();
      StringBuilder selector = new StringBuilder(record).append("{");
      labels.forEach((k, v) -> selector.append(k).append("=\"").append(v).append("\","));
      String query = selector.append("}").toString();
      List<Series> series =
          Wait.until(
              "both targets in " + query,
              Duration.ofSeconds(30),
              () -> {
                List<Series> answer = prometheus.query(query);
                assertThat(answer)
                    .as(query)
                    .extracting(s -> s.label("instance"))
                    .contains(demo.address(), tomcat.address());
                // A ratio is 0 / 0 until a scrape after the later requests is evaluated.
                assertThat(answer).as(query).noneMatch(s -> Double.isNaN(s.value()));
                return answer;
              });
      assertThat(series).as(query + " values").noneMatch(s -> Double.isNaN(s.value()));
    }
  }

  @Test
  void everyMetricThatAnAlertNamesHasData() throws Exception {
    for (Map<String, Object> alert : PrometheusRulesIT.alerts()) {
      String expr = (String) alert.get("expr");
      // The expression as a whole is mostly empty, as it should be when nothing is wrong.
      prometheus.query(expr);
      Set<String> names = metricNames(expr);
      assertThat(names).as(alert.get("alert") + " names a metric").isNotEmpty();
      for (String name : names) {
        awaitData(alert.get("alert") + " names " + name, name);
      }
    }
  }

  @Test
  void alertsGoOffForTheRouteThatFailsAndTheCertificateThatExpiresSoon() {
    awaitData(
        "HttpRouteErrorRatioHigh pending for /shop/fail",
        "ALERTS{alertname=\"HttpRouteErrorRatioHigh\",alertstate=\"pending\",instance=\""
            + tomcat.address()
            + "\",http_route=\"/shop/fail\",http_request_method=\"GET\"}");
    awaitData(
        "StatusExporterCertificateExpiresSoon firing for the two-day certificate",
        "ALERTS{alertname=\"StatusExporterCertificateExpiresSoon\",alertstate=\"firing\",instance=\""
            + demo.address()
            + "\"}");
    assertThat(prometheus.query("ALERTS{http_route=\"/shop/items/*\"}"))
        .as("alerts of a route without errors or slow requests")
        .isEmpty();
  }

  /** The metric names of a PromQL expression: its identifiers that are not functions or labels. */
  static Set<String> metricNames(String expr) {
    String bare =
        expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
            .replaceAll("\\{[^}]*}", "{}")
            .replaceAll("\\[[^]]*]", "[]")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher matcher = IDENTIFIER.matcher(bare);
    while (matcher.find()) {
      if (!KEYWORDS.contains(matcher.group())) {
        names.add(matcher.group());
      }
    }
    return names;
  }

  private List<Series> awaitData(String what, String promql) {
    return Wait.until(
        what + ": " + promql,
        Duration.ofSeconds(30),
        () -> {
          List<Series> answer = prometheus.query(promql);
          assertThat(answer).as(promql).isNotEmpty();
          return answer;
        });
  }
}
