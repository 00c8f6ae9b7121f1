package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever goes wrong for the agent, the application keeps running and the agent says why. */
class HostSafetyIT {
  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();

  private String sourceOption(int port) {
    return "source=http://localhost:" + port + "/status";
  }

  private void assertAppServes(int port) {
    assertThat(Http.get("http://localhost:" + port + "/status").statusCode()).isEqualTo(200);
  }

  @Test
  void sourceNoneReadsNoStatusAndServesTheJvmAndTheRequests() throws Exception {
    try (JavaProcess app = JavaProcess.demoApp(appPort, "port=" + agentPort + ",source=none")) {
      app.awaitStderr(line -> line.contains(" serving http://"), Duration.ofSeconds(30));
      assertAppServes(appPort);

      Scrape scrape = Scrape.of(agentPort);
      assertThat(app.stderrBesidesServersMeasured())
          .singleElement()
          .asString()
          .endsWith("/metrics (all interfaces), no status source");
      assertThat(scrape.text)
          .doesNotContain("status_exporter_source_up")
          .doesNotContain("app_")
          .contains("jvm_memory_used_bytes{");
      assertThat(scrape.value(RequestSeries.count("200", "/status"))).isEqualTo(1.0);
    }
  }

  @Test
  void aTakenPortIsOneLineAndTheApplicationRunsOn() throws Exception {
    try (ServerSocket taken = new ServerSocket(agentPort, 50, InetAddress.getByName("0.0.0.0"));
        JavaProcess app =
            JavaProcess.demoApp(appPort, "port=" + agentPort + "," + sourceOption(appPort))) {
      app.awaitStderr(line -> line.contains("cannot listen"), Duration.ofSeconds(30));

      assertThat(app.stderrBesidesServersMeasured())
          .singleElement()
          .asString()
          .startsWith("status-exporter: cannot listen on port " + agentPort + " (")
          .endsWith(
              "choose a free one with port=NNNN. Not serving metrics; the application runs on.");
      assertAppServes(appPort);
    }
  }

  @Test
  void anUnwritableTemporaryDirectoryIsOneLineNamingTheSettingAndTheApplicationRunsOn(
      @TempDir Path directory) throws Exception {
    Path missing = directory.resolve("missing");
    try (JavaProcess app = demoAppWithAgent(List.of("-Djava.io.tmpdir=" + missing), Map.of())) {
      // The agent's start comes once the application has answered a request.
      assertAppServes(appPort);
      app.awaitStderr(line -> line.contains("not serving"), Duration.ofSeconds(30));

      // JDK 25 warns of the missing directory itself.
      assertThat(app.stderrBesidesServersMeasured())
          .filteredOn(line -> line.startsWith("status-exporter"))
          .singleElement()
          .asString()
          .startsWith(
              "status-exporter: not serving metrics, the application runs on without it:"
                  + " java.io.IOException: cannot write the agent's classes that run once")
          .contains(missing.toString())
          .endsWith("give the JVM a writable temporary directory with -Djava.io.tmpdir=DIR");
      assertThat(app.jcmd("VM.system_properties"))
          .contains("io.github.statusexporter.state=failed")
          .doesNotContain("com.sun.net.httpserver.HttpServerProvider");
      assertAppServes(appPort);
    }
  }

  @Test
  void theCopiesOfAJvmKilledOutrightAreRemovedByTheNextStartAndARunningJvmsStay(
      @TempDir Path directory) throws Exception {
    List<String> temporary = List.of("-Djava.io.tmpdir=" + directory);
    int runningPort = Http.freePort();
    int runningAgentPort = Http.freePort();
    try (JavaProcess running =
        demoAppWithAgent(temporary, Map.of(), runningPort, runningAgentPort)) {
      assertAppServes(runningPort);
      running.awaitStderr(line -> line.contains(" serving http"), Duration.ofSeconds(30));
      List<Path> runnings = copiesIn(directory);
      List<Path> killeds;
      try (JavaProcess killed = demoAppWithAgent(temporary, Map.of())) {
        assertAppServes(appPort);
        killed.awaitStderr(line -> line.contains(" serving http"), Duration.ofSeconds(30));
        killed.killOutright();
        killeds = copiesIn(directory);
        killeds.removeAll(runnings);
      }
      assertThat(runnings).hasSize(1);
      assertThat(killeds).hasSize(1);
      // As if both were made an hour ago: a younger copy may be one another JVM is writing. (By
      // their lock files' times, which this JVM may set: the running one's lock stays its own.)
      for (Path copy : List.of(runnings.get(0), killeds.get(0))) {
        Files.setLastModifiedTime(
            Path.of(copy + ".lock"), FileTime.from(Instant.now().minusSeconds(3600)));
      }

      try (JavaProcess next = demoAppWithAgent(temporary, Map.of())) {
        assertAppServes(appPort);
        next.awaitStderr(
            line ->
                line.equals(
                    "status-exporter: removed 1 file status-exporter-*.jar from "
                        + directory
                        + ", left by a JVM killed outright (SIGKILL)"),
            Duration.ofSeconds(30));
        assertThat(killeds.get(0)).doesNotExist();
        assertThat(Path.of(killeds.get(0) + ".lock")).doesNotExist();
        assertThat(runnings.get(0)).exists();
        assertThat(copiesIn(directory)).hasSize(2);
        assertThat(Scrape.of(runningAgentPort).hasFamily("jvm_memory_used_bytes")).isTrue();
      }
    }
    // Both ended as JVMs do: their copies and lock files went with them.
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void theOptionLibrariesAreCopiedAtTheFirstProtobufScrapeAndWithoutRoomItIsTextAndOneLine(
      @TempDir Path directory) throws Exception {
    Path temporary = Files.createDirectory(directory.resolve("tmp"));
    try (JavaProcess app = demoAppWithAgent(List.of("-Djava.io.tmpdir=" + temporary), Map.of())) {
      assertAppServes(appPort);
      app.awaitStderr(line -> line.contains(" serving http"), Duration.ofSeconds(30));
      String metrics = "http://localhost:" + agentPort + "/metrics";
      assertThat(Http.get(metrics, Http.OPENMETRICS).statusCode()).isEqualTo(200);
      // Every start copies the after-start jar; protobuf, snakeyaml and BouncyCastle wait for one.
      assertThat(copiesIn(temporary))
          .singleElement()
          .asString()
          .contains("status-exporter-after-start-");

      // The directory gone (the copy made at start stays open): no room for them.
      try (Stream<Path> files = Files.list(temporary)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(temporary);
      for (int scrape = 0; scrape < 2; scrape++) {
        HttpResponse<byte[]> text = Http.getBytes(metrics, Http.PROTOBUF);
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      }
      assertThat(
              Scrape.of(agentPort)
                  .value("status_exporter_format_unavailable_info{format=\"protobuf\"}"))
          .isEqualTo(1.0);
      // Its debug text too, which must not leave the protobuf writer without its library.
      HttpResponse<String> debug = Http.get(metrics + "?debug=prometheus-protobuf");
      assertThat(debug.statusCode()).isEqualTo(200);
      assertThat(debug.body()).contains("# TYPE jvm_memory_used_bytes gauge");
      assertThat(app.stderrBesidesServersMeasured())
          .filteredOn(line -> line.contains("protobuf"))
          .singleElement()
          .asString()
          .startsWith(
              "status-exporter: protobuf scrapes get a text format: cannot write the agent's"
                  + " libraries for protobuf scrapes")
          .contains(temporary.toString())
          .endsWith("give the JVM a writable temporary directory with -Djava.io.tmpdir=DIR");

      // Room again: a protobuf scrape copies them and is answered in protobuf, once the 5 s
      // between two tries have passed; the scrapes until then get text without trying.
      Files.createDirectory(temporary);
      assertThat(Http.getBytes(metrics, Http.PROTOBUF).headers().firstValue("Content-Type"))
          .hasValueSatisfying(text -> assertThat(text).startsWith("text/plain"));
      assertThat(copiesIn(temporary)).isEmpty();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      String type = "";
      while (!type.startsWith("application/vnd.google.protobuf") && System.nanoTime() < deadline) {
        Thread.sleep(500);
        HttpResponse<byte[]> answer = Http.getBytes(metrics, Http.PROTOBUF);
        assertThat(answer.statusCode()).isEqualTo(200);
        type = answer.headers().firstValue("Content-Type").orElse("");
      }
      assertThat(type).startsWith("application/vnd.google.protobuf; proto=io.prometheus.client");
      assertThat(copiesIn(temporary))
          .singleElement()
          .asString()
          .contains("status-exporter-option-libraries-");
      Scrape after = Scrape.of(agentPort);
      assertThat(after.hasFamily("jvm_memory_used_bytes")).isTrue();
      assertThat(after.hasFamily("status_exporter_format_unavailable_info")).isFalse();
    }
  }

  private static List<Path> copiesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".jar"))
          .collect(Collectors.toList());
    }
  }

  @Test
  void twoJvmsStartedWithTheSameToolOptionsBothRun() throws Exception {
    // JAVA_TOOL_OPTIONS puts the same -javaagent flag, and so the same port, on every JVM.
    Map<String, String> toolOptions =
        Map.of(
            "JAVA_TOOL_OPTIONS",
            "-javaagent:"
                + JavaProcess.AGENT_JAR
                + "=port="
                + agentPort
                + ","
                + sourceOption(appPort));
    int secondAppPort = Http.freePort();
    try (JavaProcess first = demoAppWithEnvironment(appPort, toolOptions)) {
      first.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      try (JavaProcess second = demoAppWithEnvironment(secondAppPort, toolOptions)) {
        second.awaitStderr(line -> line.contains("cannot listen"), Duration.ofSeconds(30));

        assertAppServes(appPort);
        assertAppServes(secondAppPort);
        assertThat(Scrape.of(agentPort).value("status_exporter_source_up{source=\"default\"}"))
            .isEqualTo(1.0);
      }
    }
  }

  @Test
  void aRefusedAgentInTheToolOptionsLeavesTheJvmToTheCommandLinesOne() throws Exception {
    // The tool options' agent comes first and refuses its options on a thread of its own; the
    // command line's waits for that, then starts.
    try (JavaProcess app =
        demoAppWithAgent(
            List.of(),
            Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + JavaProcess.AGENT_JAR + "=port=abc"))) {
      assertAppServes(appPort);
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));

      assertThat(app.stderr())
          .filteredOn(line -> line.startsWith("status-exporter:"))
          .filteredOn(line -> !line.startsWith("status-exporter: measuring requests on"))
          .singleElement()
          .asString()
          .startsWith("status-exporter: not started, the application runs on without it:")
          .contains("'abc'");
      Http.get("http://localhost:" + appPort + "/work?ms=0");
      Scrape.awaitValue(
          agentPort,
          "http_server_request_duration_seconds_count{http_request_method=\"GET\","
              + "http_response_status_code=\"200\",http_route=\"/work\",url_scheme=\"http\"}",
          1.0,
          Duration.ofSeconds(10));
    }
  }

  /**
   * The demo app with the agent reading its status, these JVM flags before the agent's and this
   * environment; once it says it is ready.
   */
  private JavaProcess demoAppWithAgent(List<String> flags, Map<String, String> environment)
      throws IOException {
    return demoAppWithAgent(flags, environment, appPort, agentPort);
  }

  private JavaProcess demoAppWithAgent(
      List<String> flags, Map<String, String> environment, int appPort, int agentPort)
      throws IOException {
    List<String> arguments = new ArrayList<>(flags);
    arguments.add(
        "-javaagent:" + JavaProcess.AGENT_JAR + "=port=" + agentPort + "," + sourceOption(appPort));
    arguments.addAll(
        List.of("-jar", JavaProcess.DEMO_JAR.toString(), "--port", String.valueOf(appPort)));
    JavaProcess app = JavaProcess.start(arguments, environment);
    app.awaitStdout(line -> line.startsWith("demo-app ready"), Duration.ofSeconds(30));
    return app;
  }

  private static JavaProcess demoAppWithEnvironment(int port, Map<String, String> env)
      throws Exception {
    JavaProcess app =
        JavaProcess.start(
            List.of("-jar", JavaProcess.DEMO_JAR.toString(), "--port", String.valueOf(port)), env);
    app.awaitStdout(line -> line.startsWith("demo-app ready"), Duration.ofSeconds(30));
    return app;
  }

  @Test
  void anAddressThatCannotBeBoundIsOneLineAndTheApplicationRunsOn() throws Exception {
    try (JavaProcess app =
        JavaProcess.demoApp(appPort, "host=no-such-host.invalid,port=" + agentPort)) {
      app.awaitStderr(
          line -> line.startsWith("status-exporter: cannot listen"), Duration.ofSeconds(30));

      assertThat(app.stderrBesidesServersMeasured())
          .singleElement()
          .asString()
          .startsWith("status-exporter: cannot listen on no-such-host.invalid port " + agentPort)
          .endsWith(
              "check the host and port options. Not serving metrics; the application runs on.");
      assertAppServes(appPort);
    }
  }

  @Test
  void aHostThatIsNotThisMachinesIsSaidToBeSoNotBlamedOnThePort() throws Exception {
    // TEST-NET-1: an address no interface here has, as when host= was copied from elsewhere.
    try (JavaProcess app =
        JavaProcess.demoApp(
            appPort, "host=192.0.2.1,port=" + agentPort + "," + sourceOption(appPort))) {
      app.awaitStderr(
          line -> line.startsWith("status-exporter: cannot listen"), Duration.ofSeconds(30));

      assertThat(app.stderrBesidesServersMeasured())
          .containsExactly(
              "status-exporter: cannot listen on 192.0.2.1: it is not an address of this machine;"
                  + " choose one of its addresses with host=, or leave host unset for all"
                  + " interfaces. Not serving metrics; the application runs on.");
      assertAppServes(appPort);
    }
  }

  @Test
  void badOptionsAreOneLineNamingThemAndTheApplicationRunsOn() throws Exception {
    try (JavaProcess app = JavaProcess.demoApp(appPort, "port=abc,colour=blue")) {
      app.awaitStderr(line -> line.startsWith("status-exporter:"), Duration.ofSeconds(10));

      assertThat(app.stderrBesidesServersMeasured())
          .containsExactly(
              "status-exporter: not started, the application runs on without it:"
                  + " unknown option 'colour' (known options: port, host, source, timeout, max-series, config, instrument, histogram, ignore-routes, web-config);"
                  + " agent argument port: 'abc' is not a port number from 1 to 65535");
      assertAppServes(appPort);
    }
  }

  @Test
  void aSourceThatIsDownThenComesBackIsReportedAndThenExported() throws Exception {
    int statusPort = Http.freePort();
    try (JavaProcess app =
        JavaProcess.demoApp(appPort, "port=" + agentPort + "," + sourceOption(statusPort))) {
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));

      Scrape down = Scrape.of(agentPort);
      assertThat(down.text).doesNotContain("app_");
      assertThat(down.value("status_exporter_source_up{source=\"default\"}")).isEqualTo(0.0);
      assertThat(
              down.value(
                  "status_exporter_source_read_errors_total"
                      + "{reason=\"connection_refused\",source=\"default\"}"))
          .isEqualTo(1.0);

      try (JavaProcess statusApp = JavaProcess.demoApp(statusPort, null)) {
        Scrape up = Scrape.of(agentPort);
        assertThat(up.value("status_exporter_source_up{source=\"default\"}")).isEqualTo(1.0);
        assertThat(up.value("app_uptime")).isPositive();
        // Said before the scrape was answered, but read from the child's stderr by another thread.
        app.awaitStderr(line -> line.endsWith("/status is back up"), Duration.ofSeconds(10));
        assertThat(app.stderrBesidesServersMeasured())
            .containsSubsequence(
                "status-exporter: status source http://localhost:"
                    + statusPort
                    + "/status cannot be read: connection refused;"
                    + " app metrics are left out until it answers",
                "status-exporter: status source http://localhost:"
                    + statusPort
                    + "/status is back up");
      }
    }
  }

  @Test
  void theApplicationsPrometheusSettingsNeitherMoveNorBreakTheAgent() throws Exception {
    int elsewhere = Http.freePort();
    try (JavaProcess app =
        demoAppWithAgent(
            List.of(
                "-Dio.prometheus.exporter.http_server.port=" + elsewhere,
                "-Dio.prometheus.metrics.exemplars_enabled=banana"),
            Map.of("IO_PROMETHEUS_NO_SUCH_SETTING", "x"))) {
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));

      assertThat(Scrape.of(agentPort).value("app_uptime")).isPositive();
      assertThat(app.stderrBesidesServersMeasured()).hasSize(1);
    }
  }

  @Test
  void anApplicationServersOwnLogManagerIsLeftToItToSetUp(@TempDir Path directory)
      throws Exception {
    // The application's classes on its class path; its log manager only in its "modules".
    Path classes = directory.resolve("classes");
    Path modules = directory.resolve("modules");
    copyClass(LateLogManagerApp.class, classes);
    copyClass(LateLogManager.class, modules);
    try (JavaProcess app =
        JavaProcess.start(
            List.of(
                "-Djava.util.logging.manager=" + LateLogManager.class.getName(),
                "-javaagent:" + JavaProcess.AGENT_JAR + "=port=" + agentPort,
                "-cp",
                classes.toString(),
                LateLogManagerApp.class.getName(),
                modules.toString(),
                "2500",
                "30000"),
            Map.of())) {
      app.awaitStdout(line -> line.startsWith("log manager: "), Duration.ofSeconds(30));
      assertThat(app.stdout()).containsExactly("log manager: " + LateLogManager.class.getName());

      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      Scrape scrape =
          Wait.until(
              "JVM metrics",
              Duration.ofSeconds(10),
              () -> {
                Scrape s = Scrape.of(agentPort);
                return s.hasFamily("process_cpu_seconds_total") ? s : null;
              });
      assertThat(scrape.text).contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void anApplicationWithItsOwnClientJavaAndByteBuddyWorksUnchangedNextToTheAgent()
      throws Exception {
    int ownPort = Http.freePort();
    // The application's class path: its classes and its own (older) libraries, not the agent's.
    String classPath =
        Stream.concat(
                Stream.of(JavaProcess.testClasses()),
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(
                        entry ->
                            entry.contains("prometheus-metrics-") && entry.contains("1.3.10")
                                || entry.contains("byte-buddy-1.14.18")))
            .collect(Collectors.joining(File.pathSeparator));
    try (JavaProcess app =
        JavaProcess.start(
            List.of(
                "-javaagent:"
                    + JavaProcess.AGENT_JAR
                    + "=port="
                    + agentPort
                    + ","
                    + sourceOption(appPort),
                "-cp",
                classPath,
                BundledLibrariesApp.class.getName(),
                String.valueOf(ownPort),
                "60000"),
            Map.of())) {
      app.awaitStdout(
          line -> line.equals("bundled-app ready on " + ownPort + " with bundled.Generated"),
          Duration.ofSeconds(30));
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));

      String own = Http.get("http://localhost:" + ownPort + "/metrics").body();
      Scrape agents = Scrape.of(agentPort);
      assertThat(own).contains("bundled_requests_total 1.0").doesNotContain("status_exporter_");
      assertThat(agents.text)
          .contains("status_exporter_source_up")
          .doesNotContain("bundled_requests")
          .doesNotContain("http_route=\"/metrics\"");
      // The application's own metrics server is a monitoring library's: not its traffic.
      assertThat(app.stderrBesidesServersMeasured())
          .contains(
              "status-exporter: not measuring the HTTP server on port "
                  + ownPort
                  + ": it belongs to Prometheus client_java's HTTPServer"
                  + " (io.prometheus.metrics.exporter.httpserver.HTTPServer)");
    }
  }

  @Test
  void anMBeanGetterThatBlocksNeverHoldsAScrapePastTheTimeout() throws Exception {
    try (JavaProcess app =
        blockingMBeanApp("port=" + agentPort + ",source=mbean:test:type=Slow,timeout=500ms")) {

      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        Scrape scrape = Scrape.of(agentPort);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(scrape.value("status_exporter_source_up{source=\"default\"}")).isEqualTo(0.0);
        assertThat(
                scrape.value(
                    "status_exporter_source_read_errors_total{reason=\"timeout\",source=\"default\"}"))
            .isEqualTo(i + 1.0);
      }
    }
  }

  /**
   * The same getter under jmx_exporter's argument form and its catch-all rules, which jmx_exporter
   * would hang on at every scrape: the scrape answers within the walk's deadline (8 s), with every
   * other family, without the rules' ones, and names the MBean; the walk that ended after its
   * scrape gave up answers the next one. Once: the walk's thread does not depend on the JDK.
   */
  @Test
  @Tag("first-jdk-only")
  void anMBeanGetterThatBlocksHoldsNoJmxExporterRulesScrapePastTheDeadline(@TempDir Path directory)
      throws Exception {
    Path rules =
        Files.writeString(directory.resolve("catch-all.yaml"), "rules:\n- pattern: \".*\"\n");
    try (JavaProcess app = blockingMBeanApp(agentPort + ":" + rules)) {

      long start = System.nanoTime();
      Scrape first = Scrape.of(agentPort);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(9));
      assertThat(first.value("jmx_scrape_error")).isEqualTo(1.0);
      assertThat(first.text)
          .contains("jvm_memory_committed_bytes")
          .doesNotContain("test_Slow_QueueDepth");
      assertThat(app.stderr())
          .anyMatch(
              line ->
                  line.contains(
                      "MBean test:type=Slow has not answered within 8000 ms: scrapes go on without"
                          + " the jmx_exporter rules' families until it does"));

      Scrape later =
          Wait.until(
              "the walk that ended late served",
              Duration.ofSeconds(20),
              () -> {
                Scrape s = Scrape.of(agentPort);
                return s.text.contains("test_Slow_QueueDepth 7.0") ? s : null;
              });
      assertThat(later.value("jmx_scrape_error")).isEqualTo(0.0);
    }
  }

  private static void copyClass(Class<?> type, Path root) throws Exception {
    String file = type.getName().replace('.', '/') + ".class";
    Path target = root.resolve(file);
    Files.createDirectories(target.getParent());
    try (InputStream in = type.getClassLoader().getResourceAsStream(file)) {
      Files.copy(in, target);
    }
  }

  @Test
  void theJvmExitsWhenMainReturns() throws Exception {
    try (JavaProcess app =
        JavaProcess.start(
            List.of(
                "-javaagent:" + JavaProcess.AGENT_JAR + "=port=" + agentPort,
                "-cp",
                JavaProcess.testClasses(),
                ShortLivedApp.class.getName(),
                String.valueOf(agentPort)),
            Map.of())) {
      assertThat(app.awaitExit(Duration.ofSeconds(30))).isEqualTo(0);
      assertThat(app.stdout()).containsExactly("scraped 200");
    }
  }

  /**
   * {@link BlockingMBeanApp}, whose MBean getter takes a minute, with the agent given {@code
   * agentArgument}; once the application and the agent are both up.
   */
  private static JavaProcess blockingMBeanApp(String agentArgument) throws Exception {
    JavaProcess app =
        JavaProcess.start(
            List.of(
                "-javaagent:" + JavaProcess.AGENT_JAR + "=" + agentArgument,
                "-cp",
                JavaProcess.testClasses(),
                BlockingMBeanApp.class.getName(),
                "60000"),
            Map.of());
    try {
      app.awaitStdout(line -> line.equals("blocking-mbean-app ready"), Duration.ofSeconds(30));
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
    } catch (AssertionError e) {
      app.close();
      throw e;
    }
    return app;
  }
}
