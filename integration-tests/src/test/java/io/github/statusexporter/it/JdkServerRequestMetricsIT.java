package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request metrics of applications on the JDK's own HTTP server, measured with no code change. */
class JdkServerRequestMetricsIT {
  @TempDir Path directory;
  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private final int httpsPort = Http.freePort();

  private static String count(String method, String status, String route, String scheme) {
    return "http_server_request_duration_seconds_count{http_request_method=\""
        + method
        + "\",http_response_status_code=\""
        + status
        + "\",http_route=\""
        + route
        + "\",url_scheme=\""
        + scheme
        + "\"}";
  }

  private JavaProcess demoApp(String options) throws Exception {
    JavaProcess app =
        JavaProcess.demoApp(
            appPort,
            "port=" + agentPort + ",source=http://localhost:" + appPort + "/status" + options);
    app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
    return app;
  }

  @Test
  void theDemoAppsRequestsAreCountedByRouteMethodAndStatus() throws Exception {
    try (JavaProcess app = demoApp("")) {
      String demo = "http://localhost:" + appPort;
      for (int i = 0; i < 3; i++) {
        Http.get(demo + "/status");
      }
      Http.get(demo + "/work?ms=200");
      Http.post(demo + "/health", "confused");
      Http.get(demo + "/health");

      Scrape scrape =
          Wait.until(
              "the requests recorded",
              Duration.ofSeconds(5),
              () -> {
                Scrape s = Scrape.of(agentPort);
                return s.value(count("GET", "405", "/health", "http")) != null ? s : null;
              });
      Scrape.of(agentPort); // the agent reads /status at every scrape: none of it counts

      Scrape again = Scrape.of(agentPort);
      assertThat(again.value(count("GET", "200", "/status", "http"))).isEqualTo(3.0);
      assertThat(again.value(count("GET", "200", "/work", "http"))).isEqualTo(1.0);
      assertThat(again.value(count("POST", "400", "/health", "http"))).isEqualTo(1.0);
      assertThat(scrape.text).doesNotContain("http_route=\"/metrics\"");
      String bucket =
          "http_server_request_duration_seconds_bucket{http_request_method=\"GET\","
              + "http_response_status_code=\"200\",http_route=\"/work\",url_scheme=\"http\",le=";
      assertThat(again.value(bucket + "\"0.1\"}")).isEqualTo(0.0);
      assertThat(again.value(bucket + "\"0.25\"}")).isEqualTo(1.0);
    }
  }

  /**
   * The agent starts once the application has answered a request successfully, so that its own
   * start does not compete with the application's first requests; those are kept and recorded then,
   * the answers that are not a success (which do not start it) too.
   */
  @Test
  void requestsAnsweredBeforeTheAgentsStartAreRecordedOnceItServes() throws Exception {
    try (JavaProcess app =
        JavaProcess.demoApp(
            appPort, "port=" + agentPort + ",source=http://localhost:" + appPort + "/status")) {
      String demo = "http://localhost:" + appPort;
      assertThat(Http.post(demo + "/health", "confused").statusCode()).isEqualTo(400);
      assertThat(Http.get(demo + "/health").statusCode()).isEqualTo(405);
      assertThat(Http.get(demo + "/status").statusCode()).isEqualTo(200);
      assertThat(Http.get(demo + "/status").statusCode()).isEqualTo(200);
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));

      Scrape.of(agentPort); // the agent reads /status at every scrape: none of it counts
      Scrape scrape = Scrape.of(agentPort);
      assertThat(scrape.value(count("POST", "400", "/health", "http"))).isEqualTo(1.0);
      assertThat(scrape.value(count("GET", "405", "/health", "http"))).isEqualTo(1.0);
      assertThat(scrape.value(count("GET", "200", "/status", "http"))).isEqualTo(2.0);
      assertThat(
              scrape.value(
                  "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"}"))
          .isEqualTo(0.0);
      assertThat(app.stderr()).noneMatch(line -> line.contains("not recorded"));
    }
  }

  @Test
  void requestsHeldByWorkersAreActiveUntilTheirResponseIsSent() throws Exception {
    try (JavaProcess app = demoApp("")) {
      // A first request, so that neither held request waits on a first connection or class
      // loading: both are to be active well before the first one ends (a CI run once saw one).
      assertThat(Http.get("http://localhost:" + appPort + "/status").statusCode()).isEqualTo(200);
      List<CompletableFuture<HttpResponse<String>>> held =
          List.of(
              Http.getAsync("http://localhost:" + appPort + "/work?ms=4000"),
              Http.getAsync("http://localhost:" + appPort + "/work?ms=4000"));
      String active =
          "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"}";

      Scrape.awaitValue(agentPort, active, 2.0, Duration.ofMillis(3500));
      held.forEach(CompletableFuture::join);
      Scrape after = Scrape.awaitValue(agentPort, active, 0.0, Duration.ofSeconds(2));
      // The handler returned at once; the duration ends when the worker sends the response.
      String bucket =
          "http_server_request_duration_seconds_bucket{http_request_method=\"GET\","
              + "http_response_status_code=\"200\",http_route=\"/work\",url_scheme=\"http\",le=";
      assertThat(after.value(bucket + "\"2.5\"}")).isEqualTo(0.0);
      assertThat(after.value(bucket + "\"5.0\"}")).isEqualTo(2.0);
    }
  }

  @Test
  void instrumentFalseLeavesRequestMetricsOutAndTheRestWorking() throws Exception {
    try (JavaProcess app = demoApp(",instrument=false")) {
      Http.get("http://localhost:" + appPort + "/work?ms=0");

      Scrape scrape = Scrape.of(agentPort);
      assertThat(scrape.text).doesNotContain("http_server_");
      assertThat(scrape.value("app_uptime")).isPositive();
    }
  }

  @Test
  void handlerClassesLambdasLateHandlersAndHttpsAreAllMeasured() throws Exception {
    try (JavaProcess app = jdkServerApp()) {
      app.awaitStdout(line -> line.equals("jdk-server-app ready"), Duration.ofSeconds(30));
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      assertEveryKindOfContextIsMeasured(app);
      // This application takes no platform bean itself: the agent's JVM metrics took theirs
      // without ManagementFactory's search of the platform components (PlatformBeans; ~0.5 MB of
      // garbage at start), and the collectors' notifications come all the same.
      Wait.until(
          "JVM metrics",
          Duration.ofSeconds(10),
          () -> Scrape.of(agentPort).hasFamily("jvm_threads_current") ? true : null);
      app.jcmd("GC.run");
      Pattern allocated =
          Pattern.compile("jvm_memory_pool_allocated_bytes_total\\{pool=\"[^\"]+\"\\} [1-9]");
      Wait.until(
          "the collection's notification counted",
          Duration.ofSeconds(5),
          () -> allocated.matcher(Scrape.of(agentPort).text).find() ? true : null);
      assertThat(app.jcmd("VM.class_hierarchy"))
          .doesNotContain("java.lang.management.ManagementFactory$PlatformMBeanFinder");
    }
  }

  /**
   * On premain the agent names its provider in the system property the JDK reads at the first
   * server; once started, it takes its name back when no server came (a child JVM started with this
   * one's properties and without the agent would fail its first server) and puts its provider in
   * place itself: a server created after the agent's start is measured all the same.
   */
  @Test
  void serversCreatedAfterTheAgentsStartAreMeasuredAndThePropertyIsGoneByThen() throws Exception {
    try (JavaProcess app = jdkServerApp("4000")) {
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      assertThat(app.jcmd("VM.system_properties"))
          .contains("io.github.statusexporter.state=serving")
          .doesNotContain("com.sun.net.httpserver.HttpServerProvider");
      app.awaitStdout(line -> line.equals("jdk-server-app ready"), Duration.ofSeconds(30));
      assertEveryKindOfContextIsMeasured(app);
    }
  }

  /**
   * An application that names a provider of its own keeps it: the agent measures none of its JDK
   * servers, says so once, and a self-metric shows it. The agent's own server is the JDK's, not one
   * the application's provider makes.
   */
  @Test
  void anApplicationsOwnProviderIsKeptAndTheAgentSaysItDoesNotMeasureIt() throws Exception {
    String provider = CountingServerProvider.class.getName();
    try (JavaProcess app =
        jdkServerApp(
            List.of(
                "--add-exports",
                "jdk.httpserver/sun.net.httpserver=ALL-UNNAMED",
                "-Dcom.sun.net.httpserver.HttpServerProvider=" + provider))) {
      app.awaitStdout(line -> line.equals("jdk-server-app ready"), Duration.ofSeconds(30));
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      assertThat(Http.get("http://localhost:" + appPort + "/class").statusCode()).isEqualTo(200);

      Scrape scrape = Scrape.of(agentPort);
      assertThat(scrape.text).doesNotContain("http_server_request_duration");
      assertThat(scrape.value("status_exporter_unmeasured_server_info{server=\"JDK HTTP server\"}"))
          .isEqualTo(1.0);
      assertThat(app.stderr())
          .containsOnlyOnce(
              "status-exporter: no request metrics for JDK HTTP server: the application sets"
                  + " com.sun.net.httpserver.HttpServerProvider="
                  + provider
                  + " itself, which the agent keeps; without it the agent measures them");
      assertThat(app.stdout())
          .filteredOn(line -> line.startsWith("application's provider:"))
          .containsExactly(
              "application's provider: a server on port " + appPort,
              "application's provider: a server on port " + httpsPort);
    }
  }

  private JavaProcess jdkServerApp(String... waitMillis) throws Exception {
    return jdkServerApp(List.of(), waitMillis);
  }

  private JavaProcess jdkServerApp(List<String> jvmOptions, String... waitMillis) throws Exception {
    Path keystore = TlsStatusServer.selfSignedKeystore(directory);
    List<String> command = new ArrayList<>(jvmOptions);
    command.addAll(
        List.of(
            "-javaagent:" + JavaProcess.AGENT_JAR + "=port=" + agentPort,
            "-cp",
            JavaProcess.testClasses(),
            JdkServerApp.class.getName(),
            String.valueOf(appPort),
            String.valueOf(httpsPort),
            keystore.toString()));
    command.addAll(List.of(waitMillis));
    return JavaProcess.start(command, Map.of());
  }

  private void assertEveryKindOfContextIsMeasured(JavaProcess app) throws Exception {
    // This application leaves sun.net.httpserver.nodelay unset: the metrics server turns
    // Nagle's algorithm off on its own connections through the JDK server's classes.
    assertThat(app.stderr()).noneMatch(line -> line.contains("Nagle"));
    Http.get("http://localhost:" + appPort + "/class");
    Http.get("http://localhost:" + appPort + "/lambda");
    Http.get("http://localhost:" + appPort + "/late");
    HttpClient tls =
        HttpClient.newBuilder().sslContext(Http.trusting(directory.resolve("ca.pem"))).build();
    HttpResponse<String> secure =
        tls.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/secure"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(secure.statusCode()).isEqualTo(200);

    Scrape scrape =
        Wait.until(
            "the https request recorded",
            Duration.ofSeconds(5),
            () -> {
              Scrape s = Scrape.of(agentPort);
              return s.value(count("GET", "200", "/secure", "https")) != null ? s : null;
            });
    assertThat(scrape.value(count("GET", "200", "/class", "http"))).isEqualTo(1.0);
    assertThat(scrape.value(count("GET", "201", "/lambda", "http"))).isEqualTo(1.0);
    assertThat(scrape.value(count("GET", "503", "/late", "http"))).isEqualTo(1.0);
    assertThat(scrape.value(count("GET", "200", "/secure", "https"))).isEqualTo(1.0);
  }
}
