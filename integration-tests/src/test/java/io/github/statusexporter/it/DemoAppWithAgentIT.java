package io.github.statusexporter.it;

import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The README's demo: the demo app launched with the agent, scraped as Prometheus would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoAppWithAgentIT {
  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private JavaProcess app;

  @BeforeAll
  void startDemoAppWithAgent() throws Exception {
    app =
        JavaProcess.demoApp(
            appPort, "port=" + agentPort + ",source=http://localhost:" + appPort + "/status");
    app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() throws Exception {
    app.close();
  }

  private String url(String path) {
    return "http://localhost:" + agentPort + path;
  }

  @Test
  void theScrapeHasTheSeedsFourFamiliesWithTheirHelpAndType() {
    Scrape scrape = Scrape.of(agentPort);

    assertThat(scrape.family("app_health"))
        .isEqualTo(
            "# HELP app_health Health\n"
                + "# TYPE app_health gauge\n"
                + "app_health{app_health=\"healthy\"} 1.0\n"
                + "app_health{app_health=\"unhealthy\"} 0.0\n");
    assertThat(scrape.family("app_requests_current"))
        .startsWith(
            "# HELP app_requests_current Current requests\n"
                + "# TYPE app_requests_current gauge\n"
                + "app_requests_current ");
    assertThat(scrape.family("app_requests_pending"))
        .startsWith(
            "# HELP app_requests_pending Pending requests\n"
                + "# TYPE app_requests_pending gauge\n"
                + "app_requests_pending ");
    assertThat(scrape.family("app_uptime"))
        .startsWith("# HELP app_uptime Uptime\n# TYPE app_uptime gauge\napp_uptime ");
    assertThat(scrape.value("status_exporter_source_up{source=\"default\"}")).isEqualTo(1.0);
  }

  @Test
  void uptimeGrowsBetweenScrapes() {
    double first = Scrape.of(agentPort).value("app_uptime");
    Wait.sleep(1100);
    double second = Scrape.of(agentPort).value("app_uptime");

    assertThat(first).isPositive();
    assertThat(second - first).isBetween(1.0, 5.0);
  }

  @Test
  void heldWorkRequestsShowAsCurrentAndPending() {
    // The demo app has 4 workers: 6 slow requests keep 4 busy and 2 waiting.
    List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      held.add(Http.getAsync("http://localhost:" + appPort + "/work?ms=4000"));
    }

    Scrape busy =
        Wait.until(
            "4 current and 2 pending requests",
            Duration.ofSeconds(3),
            () -> {
              Scrape scrape = Scrape.of(agentPort);
              return scrape.value("app_requests_current") == 4.0
                      && scrape.value("app_requests_pending") == 2.0
                  ? scrape
                  : null;
            });
    assertThat(busy.value("app_requests_current")).isEqualTo(4.0);

    held.forEach(CompletableFuture::join);
    // A worker counts itself done just after it sends its response: wait for that moment.
    Scrape idle =
        Wait.until(
            "no request current or pending",
            Duration.ofSeconds(3),
            () -> {
              Scrape scrape = Scrape.of(agentPort);
              return scrape.value("app_requests_current") == 0.0
                      && scrape.value("app_requests_pending") == 0.0
                  ? scrape
                  : null;
            });
    assertThat(idle.value("app_requests_current")).isEqualTo(0.0);
  }

  @Test
  void postingHealthFlipsAppHealth() {
    String health = "http://localhost:" + appPort + "/health";
    try {
      assertThat(Http.post(health, "unhealthy").statusCode()).isEqualTo(200);
      assertThat(Scrape.of(agentPort).family("app_health"))
          .contains("app_health{app_health=\"healthy\"} 0.0\n")
          .contains("app_health{app_health=\"unhealthy\"} 1.0\n");
    } finally {
      assertThat(Http.post(health, "healthy").statusCode()).isEqualTo(200);
    }
    assertThat(Scrape.of(agentPort).value("app_health{app_health=\"healthy\"}")).isEqualTo(1.0);
  }

  /** JVM and process metrics are registered after the server answers: wait for both. */
  private Scrape scrapeWithJvmMetrics() {
    return Wait.until(
        "JVM metrics",
        Duration.ofSeconds(10),
        () -> {
          Scrape s = Scrape.of(agentPort);
          return s.hasFamily("jvm_memory_used_bytes") && s.hasFamily("process_cpu_seconds_total")
              ? s
              : null;
        });
  }

  @Test
  void jvmAndProcessFamiliesArePresent() throws Exception {
    Scrape scrape = scrapeWithJvmMetrics();

    assertThat(scrape.text)
        .as("the JVM the tests were asked to run on")
        .contains("jvm_runtime_info{runtime=")
        .containsPattern("jvm_runtime_info\\{[^}]*version=\"" + JavaProcess.javaVersion());
    assertThat(scrape.text)
        .contains("# TYPE jvm_threads_current gauge")
        .contains("# TYPE jvm_gc_collection_seconds summary")
        .contains("# TYPE jvm_classes_currently_loaded gauge")
        .contains("# TYPE jvm_runtime_info gauge")
        .contains("# TYPE process_cpu_seconds_total counter")
        .contains("# TYPE process_resident_memory_bytes gauge");
  }

  @Test
  void theJvmFamiliesReadEveryPlatformBean() throws Exception {
    Scrape scrape = scrapeWithJvmMetrics();

    assertThat(scrape.family("jvm_memory_pool_used_bytes")).contains("{pool=\"Metaspace\"}");
    assertThat(scrape.value("jvm_memory_used_bytes{area=\"heap\"}")).isPositive();
    assertThat(scrape.text).containsPattern("jvm_gc_collection_seconds_count\\{gc=\"[^\"]+\"\\} ");
    assertThat(scrape.value("jvm_buffer_pool_capacity_bytes{pool=\"direct\"}")).isNotNull();
    assertThat(scrape.value("jvm_classes_currently_loaded")).isGreaterThan(1000.0);
    assertThat(scrape.value("jvm_threads_current")).isGreaterThan(5.0);
    assertThat(scrape.value("jvm_compilation_time_seconds_total")).isNotNull();
    assertThat(scrape.value("process_start_time_seconds")).isPositive();
  }

  @Test
  void theWholeOutputPassesPromtoolCheckMetrics() throws Exception {
    Scrape scrape = scrapeWithJvmMetrics();

    assertThat(Promtool.checkMetrics(scrape.text)).isEmpty();
  }

  /** As Prometheus 3 asks by default. */
  private static final String PROMETHEUS_ACCEPT =
      "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,"
          + "application/openmetrics-text;version=0.0.1;q=0.4,"
          + "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,"
          + "text/plain;version=0.0.4;q=0.2,*/*;q=0.1";

  @Test
  void aPrometheusScrapeLoadsTheOpenMetricsWriterOnlyAndProtobufItsOwnWhenAsked() throws Exception {
    // A JVM of its own: the other tests scrape in every format.
    int freshApp = Http.freePort();
    int freshAgent = Http.freePort();
    try (JavaProcess fresh =
        JavaProcess.demoApp(
            freshApp, "port=" + freshAgent + ",source=http://localhost:" + freshApp + "/status")) {
      fresh.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      String metrics = "http://localhost:" + freshAgent + "/metrics";

      HttpResponse<String> scrape = Http.get(metrics, PROMETHEUS_ACCEPT);
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("app_health{app_health=\"healthy\"} 1\n");
      String shaded = "io.github.statusexporter.shaded.io.prometheus.metrics.expositionformats.";
      assertThat(fresh.jcmd("VM.class_hierarchy"))
          .contains(shaded + "OpenMetricsTextFormatWriter")
          .doesNotContain(shaded + "PrometheusTextFormatWriter")
          .doesNotContain("PrometheusProtobufWriter");

      assertThat(Http.getBytes(metrics, Http.PROTOBUF).statusCode()).isEqualTo(200);
      assertThat(fresh.jcmd("VM.class_hierarchy"))
          .contains(shaded + "internal.PrometheusProtobufWriterImpl");
    }
  }

  @Test
  void openMetricsAndProtobufAnswerToo() {
    HttpResponse<String> text = Http.get(url("/metrics"));
    assertThat(text.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");

    HttpResponse<String> openMetrics = Http.get(url("/metrics"), Http.OPENMETRICS);
    assertThat(openMetrics.statusCode()).isEqualTo(200);
    assertThat(openMetrics.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/openmetrics-text; version=1.0.0");
    assertThat(openMetrics.body())
        .contains("# TYPE app_health stateset\n# HELP app_health Health\n")
        .contains("app_health{app_health=\"healthy\"} 1\n")
        .endsWith("# EOF\n");

    HttpResponse<byte[]> protobuf = Http.getBytes(url("/metrics"), Http.PROTOBUF);
    assertThat(protobuf.statusCode()).isEqualTo(200);
    assertThat(protobuf.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily");
    assertThat(new String(protobuf.body(), StandardCharsets.ISO_8859_1))
        .contains("app_requests_current")
        .contains("app_health");
  }

  @Test
  void theProtobufDebugTextIsTheMessagesAsText() {
    // client_java loads its protobuf writer by name, and this text takes protobuf's TextFormat:
    // classes that the agent jar's minimizing must keep though no reference reaches them.
    HttpResponse<String> debug =
        Http.get(url("/metrics?debug=prometheus-protobuf&name%5B%5D=app_health"));

    assertThat(debug.statusCode()).isEqualTo(200);
    assertThat(debug.body())
        .isEqualTo(
            "name: \"app_health\"\n"
                + "help: \"Health\"\n"
                + "type: GAUGE\n"
                + "metric {\n"
                + "  label {\n"
                + "    name: \"app_health\"\n"
                + "    value: \"healthy\"\n"
                + "  }\n"
                + "  gauge {\n"
                + "    value: 1.0\n"
                + "  }\n"
                + "}\n"
                + "metric {\n"
                + "  label {\n"
                + "    name: \"app_health\"\n"
                + "    value: \"unhealthy\"\n"
                + "  }\n"
                + "  gauge {\n"
                + "    value: 0.0\n"
                + "  }\n"
                + "}\n");
  }

  @Test
  void theLandingPageLinksTheEndpointsAndUnknownPathsAre404() {
    HttpResponse<String> landing = Http.get(url("/"));
    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(landing.body()).contains("href=\"metrics\"").contains("href=\"-/healthy\"");
    assertThat(Http.get(url("/-/healthy")).statusCode()).isEqualTo(200);
    assertThat(Http.get(url("/status")).statusCode()).isEqualTo(404);
    assertThat(Http.get(url("/metrics.json")).statusCode()).isEqualTo(404);
  }

  @Test
  void theAgentAddsAFewDaemonThreadsAllNamedForIt() throws Exception {
    Scrape.of(agentPort);
    app.jcmd("GC.run"); // client_java's allocation counter would start its exemplar thread now
    Scrape.of(agentPort);
    Thread.sleep(200);
    List<String> threads = app.threadDump();
    List<String> agentThreads =
        threads.stream().filter(line -> line.startsWith("\"status-exporter-")).collect(toList());

    assertThat(agentThreads).isNotEmpty().hasSizeLessThanOrEqualTo(6);
    assertThat(agentThreads).allMatch(line -> line.contains(" daemon "));
    assertThat(threads)
        .filteredOn(line -> line.startsWith("\"HTTP-Dispatcher\""))
        .as("the application's dispatcher and the agent's")
        .hasSize(2);
    assertThat(threads)
        .as("client_java's exemplar scheduler thread")
        .noneMatch(line -> line.startsWith("\"prometheus-"));
  }

  @Test
  void theAgentSaysWhatItMeasuresAndOneLineAtStartAndNothingPerScrape() {
    Scrape.of(agentPort);
    Scrape.of(agentPort);

    assertThat(app.stderr()).hasSize(2);
    // The demo app creates its server before the agent serves: the JDK's, in this JVM's version.
    assertThat(app.stderr().get(0))
        .matches("status-exporter: measuring requests on JDK HTTP server [0-9][0-9.]*");
    RequestSeries.assertMeasured(app, agentPort, "JDK HTTP server");
    assertThat(app.stderr().get(1))
        .matches(
            "status-exporter \\S+ serving http://localhost:"
                + agentPort
                + "/metrics \\(all interfaces\\), status from http://localhost:"
                + appPort
                + "/status");
  }
}
