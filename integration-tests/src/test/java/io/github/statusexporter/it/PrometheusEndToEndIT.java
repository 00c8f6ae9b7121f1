package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.github.statusexporter.it.OpensslPki.KeyKind;
import io.github.statusexporter.it.Series.Sample;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * A real Prometheus scrapes several JVMs with the agent every second, with the scrape job of
 * docs/prometheus.md, and is asked what a user would ask it through its HTTP API.
 *
 * <p>Each test leaves the applications as it found them and waits for its own requests to show, so
 * the tests run in any order. On the first JDK only: what Prometheus reads (the agent's exposition
 * formats, its native histograms) does not depend on the JDK, and the JDK's server on the second
 * JDK is tested by the others (HostileClientsIT, SecuredEndpointIT, JdkServerRequestMetricsIT).
 */
@Tag("first-jdk-only")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(
    value = "prometheusInstalled",
    disabledReason = "prometheus not found: apt-get install prometheus to run this test")
class PrometheusEndToEndIT {
  static final Path DOCS = Paths.get(System.getProperty("docs.dir"));
  static final Path SCRAPE_EXAMPLE = DOCS.resolve("examples/prometheus/prometheus.yml");
  private static final String JOB = "status-exporter";
  private static final String WORK_OK =
      "http_route=\"/work\",http_request_method=\"GET\",http_response_status_code=\"200\"";

  private final StartedResources started = new StartedResources();

  /** The demo app read over HTTP, request durations in native and classic buckets. */
  private AgentTarget demoHttp;

  /** The demo app read through its MXBean, request durations in classic buckets (the default). */
  private AgentTarget demoMBean;

  /** The demo app, its agent reading a status endpoint where nothing listens. */
  private AgentTarget sourceDown;

  /** A servlet application on embedded Tomcat 11, its requests measured by the agent. */
  private AgentTarget tomcat;

  /** The demo app, its agent behind TLS, client certificates and basic auth (docs/security.md). */
  private AgentTarget secured;

  @TempDir static Path certificates;

  private PrometheusServer prometheus;

  static boolean prometheusInstalled() {
    return Executables.isInstalled("prometheus", "prometheus");
  }

  @BeforeAll
  void startTargetsAndPrometheus() throws Exception {
    demoHttp =
        started.add(
            AgentTarget.demoApp(
                "demo-http", port -> "source=http://localhost:" + port + "/status,histogram=both"));
    demoMBean =
        started.add(AgentTarget.demoApp("demo-mbean", port -> "source=mbean:demo:type=Status"));
    int nothingListens = Http.freePort();
    sourceDown =
        started.add(
            AgentTarget.demoApp(
                "source-down", port -> "source=http://localhost:" + nothingListens + "/status"));
    tomcat = started.add(AgentTarget.servletApp("tomcat", ServletApp.TOMCAT_11));
    Path webConfig = securedWebConfig();
    secured =
        started.add(
            AgentTarget.demoApp(
                "demo-secured",
                port -> "source=http://localhost:" + port + "/status,web-config=" + webConfig));
    ScrapeJob job = ScrapeJob.fromFile(SCRAPE_EXAMPLE, JOB);
    for (AgentTarget target : targets()) {
      job = job.target(target.app(), target.address());
    }
    prometheus =
        started.add(PrometheusServer.start(Duration.ofSeconds(1), List.of(job, securedJob(job))));
  }

  /**
   * Certificates made by openssl and a web-config requiring a client certificate and a password.
   */
  private Path securedWebConfig() throws Exception {
    OpensslPki pki = new OpensslPki(certificates);
    pki.authority("ca");
    pki.key("agent", KeyKind.EC_PKCS8);
    pki.certificate("agent", "ca", true);
    pki.key("prometheus", KeyKind.RSA_TRADITIONAL);
    pki.certificate("prometheus", "ca", false);
    Files.writeString(certificates.resolve("password"), "s3cret");
    return Files.writeString(
        certificates.resolve("web-config.yml"),
        "tls_server_config:\n"
            + "  cert_file: agent.crt\n"
            + "  key_file: agent.key\n"
            + "  client_auth_type: RequireAndVerifyClientCert\n"
            + "  client_ca_file: ca.crt\n"
            + "basic_auth_users:\n"
            + "  prometheus: "
            + Bcrypt.hash(certificates, "s3cret")
            + "\n");
  }

  /** The scrape job of docs/security.md: https, Prometheus' certificate and its password. */
  private ScrapeJob securedJob(ScrapeJob job) {
    return new ScrapeJob(JOB + "-secured", job.settings(), Map.of())
        .with("scheme", "https")
        .with(
            "tls_config",
            Map.of(
                "ca_file", certificates.resolve("ca.crt").toString(),
                "cert_file", certificates.resolve("prometheus.crt").toString(),
                "key_file", certificates.resolve("prometheus.key").toString()))
        .with(
            "basic_auth",
            Map.of(
                "username",
                "prometheus",
                "password_file",
                certificates.resolve("password").toString()))
        .target(secured.app(), secured.address());
  }

  private List<AgentTarget> targets() {
    return List.of(demoHttp, demoMBean, sourceDown, tomcat);
  }

  @AfterAll
  void stopEverything() throws Exception {
    started.close();
  }

  @Test
  void everyTargetIsUpWithNoScrapeError() {
    List<Series> up =
        Wait.until(
            "every target up, by the query and by the targets page",
            Duration.ofSeconds(20),
            () -> {
              List<Series> series = prometheus.query("up{job=\"" + JOB + "\"}");
              assertThat(series).hasSize(targets().size()).allMatch(s -> s.value() == 1.0);
              assertThat(prometheus.activeTargets())
                  .as("the targets of both jobs, the secured one's too")
                  .hasSize(targets().size() + 1)
                  .allSatisfy(
                      target -> {
                        assertThat(target.path("health").asText())
                            .as(target.toString())
                            .isEqualTo("up");
                        assertThat(target.path("lastError").asText())
                            .as(target.toString())
                            .isEmpty();
                      });
              return series;
            });

    assertThat(up)
        .extracting(series -> series.label("app"))
        .containsExactlyInAnyOrder("demo-http", "demo-mbean", "source-down", "tomcat");
  }

  @Test
  void aTargetBehindTlsClientCertificatesAndBasicAuthIsScrapedWithPrometheusOwnSettings() {
    Wait.until(
        "the secured target up, with its status",
        Duration.ofSeconds(20),
        () -> {
          assertThat(prometheus.single("up{job=\"" + JOB + "-secured\"}").value()).isEqualTo(1.0);
          assertThat(prometheus.single(secured.select("app_uptime")).value()).isPositive();
          return true;
        });
  }

  @Test
  void appUptimeGrowsOneSecondPerSecond() {
    for (AgentTarget target : List.of(demoHttp, demoMBean)) {
      String uptime = target.select("app_uptime");
      List<Sample> samples =
          Wait.until(
              "five scrapes of " + uptime,
              Duration.ofSeconds(20),
              () -> {
                List<Sample> range = prometheus.single(uptime + "[10s]").samples();
                assertThat(range).hasSizeGreaterThanOrEqualTo(5);
                return range;
              });
      for (int i = 1; i < samples.size(); i++) {
        assertThat(samples.get(i).value()).as(uptime).isGreaterThan(samples.get(i - 1).value());
      }
      double perSecond =
          prometheus.single("deriv(" + uptime + "[10s])", last(samples).time()).value();
      assertThat(perSecond).as("deriv(%s[10s])", uptime).isBetween(0.8, 1.2);
    }
  }

  @Test
  void appHealthFollowsAPostToTheDemoAppsHealth() {
    List<AgentTarget> demos = List.of(demoHttp, demoMBean);
    try {
      for (AgentTarget demo : demos) {
        assertThat(Http.post(demo.appUrl("/health"), "unhealthy").statusCode()).isEqualTo(200);
      }
      awaitHealth(demos, "unhealthy", "healthy");
    } finally {
      demos.forEach(demo -> Http.post(demo.appUrl("/health"), "healthy"));
    }
    awaitHealth(demos, "healthy", "unhealthy");
  }

  private void awaitHealth(List<AgentTarget> demos, String state, String otherState) {
    for (AgentTarget demo : demos) {
      String health = demo.select("app_health", "app_health=\"" + state + "\"");
      String other = demo.select("app_health", "app_health=\"" + otherState + "\"");
      Wait.until(
          health + " == 1",
          Duration.ofSeconds(10),
          () -> {
            assertThat(prometheus.single(health).value()).as(health).isEqualTo(1.0);
            assertThat(prometheus.single(other).value()).as(other).isEqualTo(0.0);
            return true;
          });
    }
  }

  @Test
  void requestsHeldByTheDemoAppsWorkersShowAsCurrentAndPending() {
    List<AgentTarget> demos = List.of(demoHttp, demoMBean);
    // Each demo app has 4 workers: 6 slow requests keep 4 busy and 2 waiting, for 3 s.
    List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
    for (AgentTarget demo : demos) {
      for (int i = 0; i < 6; i++) {
        held.add(Http.getAsync(demo.appUrl("/work?ms=3000")));
      }
    }
    for (AgentTarget demo : demos) {
      // The highest value of the last scrapes: one scrape while they are held is enough.
      String current = "max_over_time(" + demo.select("app_requests_current") + "[10s])";
      String pending = "max_over_time(" + demo.select("app_requests_pending") + "[10s])";
      Wait.until(
          "4 current and 2 pending requests of " + demo.app(),
          Duration.ofSeconds(10),
          () -> {
            assertThat(prometheus.single(current).value()).as(current).isEqualTo(4.0);
            assertThat(prometheus.single(pending).value()).as(pending).isEqualTo(2.0);
            return true;
          });
    }

    held.forEach(request -> assertThat(request.join().statusCode()).isEqualTo(200));
    for (AgentTarget demo : demos) {
      String current = demo.select("app_requests_current");
      String pending = demo.select("app_requests_pending");
      Wait.until(
          "no request current or pending in " + demo.app(),
          Duration.ofSeconds(10),
          () -> {
            assertThat(prometheus.single(current).value()).as(current).isEqualTo(0.0);
            assertThat(prometheus.single(pending).value()).as(pending).isEqualTo(0.0);
            return true;
          });
    }
  }

  @Test
  void theRequestCountIncreaseAndRateMatchTheRequestsSent() {
    String count = demoMBean.select("http_server_request_duration_seconds_count", WORK_OK);
    Http.get(demoMBean.appUrl("/work?ms=0")); // so that the series exists before counting
    Sample before = settled(count);

    int sent = 20;
    for (int i = 0; i < sent; i++) {
      assertThat(Http.get(demoMBean.appUrl("/work?ms=0")).statusCode()).isEqualTo(200);
    }
    Sample after = awaitLatest(count, before.value() + sent);

    // increase() and rate() extrapolate to the ends of their range. This range starts 1 ms
    // before the sample taken before the requests and ends at the sample after them: next to
    // nothing to extrapolate, so they must give what was sent.
    String range = rangeFrom(before, after);
    double seconds = (after.millis() - before.millis() + 1) / 1000.0;
    assertThat(prometheus.single("increase(" + count + range + ")", after.time()).value())
        .isCloseTo(sent, withinPercentage(1));
    assertThat(prometheus.single("rate(" + count + range + ")", after.time()).value())
        .isCloseTo(sent / seconds, withinPercentage(1));
  }

  @Test
  void servletRequestsAreStoredByRouteAndStatus() {
    int sent = 7;
    for (int i = 0; i < sent; i++) {
      assertThat(Http.get(tomcat.appUrl("/shop/items/" + i)).statusCode()).isEqualTo(200);
    }
    assertThat(Http.get(tomcat.appUrl("/shop/fail")).statusCode()).isEqualTo(500);

    String count = "http_server_request_duration_seconds_count";
    awaitLatest(
        tomcat.select(count, "http_route=\"/shop/items/*\"", "http_response_status_code=\"200\""),
        sent);
    awaitLatest(
        tomcat.select(count, "http_route=\"/shop/fail\"", "http_response_status_code=\"500\""), 1);
  }

  @Test
  void nativeHistogramQueriesAnswerFromTheRequestDurations() {
    String durations = demoHttp.select("http_server_request_duration_seconds", WORK_OK);
    Http.get(demoHttp.appUrl("/work?ms=0")); // so that the series exists before counting
    Wait.until(
        "a native histogram, which Prometheus gets only in protobuf (3.9 and later scrape them"
            + " only with scrape_native_histograms: true)",
        Duration.ofSeconds(20),
        () -> prometheus.single(durations));
    Sample before = settled(durations);

    int sent = 5;
    for (int i = 0; i < sent; i++) {
      assertThat(Http.get(demoHttp.appUrl("/work?ms=100")).statusCode()).isEqualTo(200);
    }
    Sample after = awaitLatest(durations, before.value() + sent);

    String increase = "increase(" + durations + rangeFrom(before, after) + ")";
    assertThat(prometheus.single("histogram_count(" + increase + ")", after.time()).value())
        .isCloseTo(sent, withinPercentage(1));
    assertThat(prometheus.single("histogram_quantile(0.5, " + increase + ")", after.time()).value())
        .as("the median of requests that each hold a worker for 100 ms")
        .isBetween(0.09, 0.3);
    // What docs/prometheus.md tells users: when a histogram has native buckets, Prometheus keeps
    // only those unless told to keep the classic ones too (2.45+), so rate(.._count) needs
    // histogram_count() there.
    assertThat(prometheus.query(demoHttp.select("http_server_request_duration_seconds_count")))
        .isEmpty();
  }

  @Test
  void aTargetWhoseSourceIsDownIsUpAndItsSelfMetricsSayWhy() {
    String sourceUp = sourceDown.select("status_exporter_source_up", "source=\"default\"");
    Wait.until(
        "the target up and its source down",
        Duration.ofSeconds(20),
        () -> {
          assertThat(prometheus.single(sourceDown.select("up")).value()).isEqualTo(1.0);
          assertThat(prometheus.single(sourceUp).value()).isEqualTo(0.0);
          return true;
        });
    String refused =
        sourceDown.select(
            "status_exporter_source_read_errors_total", "reason=\"connection_refused\"");
    List<Sample> errors =
        Wait.until(
            "three scrapes of " + refused,
            Duration.ofSeconds(20),
            () -> {
              List<Sample> range = prometheus.single(refused + "[5s]").samples();
              assertThat(range).hasSizeGreaterThanOrEqualTo(3);
              return range;
            });

    for (int i = 1; i < errors.size(); i++) {
      assertThat(errors.get(i).value() - errors.get(i - 1).value())
          .as("failed reads between two scrapes, each of which reads the source")
          .isGreaterThanOrEqualTo(1.0);
    }
    assertThat(
            prometheus.query(
                sourceDown.select(
                        "status_exporter_source_read_errors_total",
                        "reason!=\"connection_refused\"")
                    + " > 0"))
        .as("errors of any other reason")
        .isEmpty();
    assertThat(prometheus.query("{app=\"source-down\",__name__=~\"app_.*\"}"))
        .as("application metrics, which would be stale")
        .isEmpty();
    assertThat(sourceDown.process().stderr())
        .filteredOn(line -> line.contains("cannot be read"))
        .as("one line when the source went down, none per scrape")
        .hasSize(1);
  }

  @Test
  void prometheusStoresEveryScrapeWithoutComplaint() {
    String own = "http://" + prometheus.address() + "/metrics";
    Wait.until(
        "ten scrapes",
        Duration.ofSeconds(30),
        () -> {
          assertThat(Scrape.of(own).value("prometheus_target_scrapes_sample_out_of_order_total"))
              .isNotNull();
          assertThat(prometheus.single("sum(count_over_time(up[1h]))").value())
              .isGreaterThanOrEqualTo(10.0);
          return true;
        });

    Scrape metrics = Scrape.of(own);
    for (String rejected :
        List.of(
            "prometheus_target_scrapes_sample_duplicate_timestamp_total",
            "prometheus_target_scrapes_sample_out_of_order_total",
            "prometheus_target_scrapes_sample_out_of_bounds_total",
            "prometheus_target_scrapes_exceeded_sample_limit_total",
            "prometheus_target_scrapes_exemplar_out_of_order_total")) {
      assertThat(metrics.value(rejected)).as(rejected).isEqualTo(0.0);
    }
    assertThat(prometheus.log())
        .as("Prometheus' warnings and errors")
        .noneMatch(line -> line.contains("level=warn") || line.contains("level=error"));
  }

  @Test
  void theAgentsTextOutputPassesPromtoolCheckMetrics() throws Exception {
    for (AgentTarget target : targets()) {
      Http.get(target.appUrl("/work?ms=0"));
      Scrape scrape =
          Wait.until(
              "JVM and request metrics of " + target.app(),
              Duration.ofSeconds(10),
              () -> {
                Scrape s = Scrape.of(target.agentPort());
                assertThat(s.hasFamily("jvm_memory_used_bytes")).isTrue();
                assertThat(s.hasFamily("http_server_request_duration_seconds")).isTrue();
                return s;
              });

      assertThat(Promtool.checkMetrics(scrape.text)).as(target.app()).isEmpty();
    }
  }

  @Test
  void everyQueryInTheDocsAnswersWithData() throws Exception {
    List<String> queries = new ArrayList<>();
    Matcher block =
        Pattern.compile("```promql\n(.*?)```", Pattern.DOTALL)
            .matcher(Files.readString(DOCS.resolve("prometheus.md")));
    while (block.find()) {
      queries.add(block.group(1).trim());
    }
    assertThat(queries).as("promql blocks in docs/prometheus.md").hasSizeGreaterThanOrEqualTo(5);
    Http.get(demoHttp.appUrl("/work?ms=0"));
    Http.get(demoMBean.appUrl("/work?ms=0"));

    for (String query : queries) {
      Wait.until(
          "an answer to " + query,
          Duration.ofSeconds(20),
          () -> {
            assertThat(prometheus.query(query)).as(query).isNotEmpty();
            return true;
          });
    }
  }

  /**
   * The latest sample of {@code selector} once two scrapes in a row agree, both taken after this
   * call: so they include every request that was answered before it.
   */
  private Sample settled(String selector) {
    long since = System.currentTimeMillis();
    return Wait.until(
        "two equal scrapes in a row of " + selector,
        Duration.ofSeconds(20),
        () -> {
          List<Sample> samples = prometheus.single(selector + "[5s]").samples();
          assertThat(samples).hasSizeGreaterThanOrEqualTo(2);
          Sample previous = samples.get(samples.size() - 2);
          assertThat(previous.millis()).isGreaterThan(since);
          assertThat(last(samples).value()).isEqualTo(previous.value());
          return last(samples);
        });
  }

  /** The latest sample of {@code selector}, once it is {@code value}. */
  private Sample awaitLatest(String selector, double value) {
    return Wait.until(
        selector + " == " + value,
        Duration.ofSeconds(20),
        () -> {
          Sample latest = last(prometheus.single(selector + "[5s]").samples());
          assertThat(latest.value()).isEqualTo(value);
          return latest;
        });
  }

  /** The range selector from just before sample {@code from} to sample {@code to}. */
  private static String rangeFrom(Sample from, Sample to) {
    return "[" + (to.millis() - from.millis() + 1) + "ms]";
  }

  private static Sample last(List<Sample> samples) {
    return samples.get(samples.size() - 1);
  }
}
