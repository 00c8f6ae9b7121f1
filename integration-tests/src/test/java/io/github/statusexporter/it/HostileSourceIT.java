package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A status endpoint that attacks the agent reading it: documents of a quarter of a million entries
 * read by a dozen scrapes at once in a small heap, answers trickled a byte at a time, secrets in
 * its URL and headers, bytes that are not HTTP. The application runs on unharmed, every scrape
 * answers within its bounds, and the agent says what happened once, without the secrets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileSourceIT {
  private static final byte[] GOOD = json("{\"current_requests\": 1}");
  private static final int CLIENTS = 12;

  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private HostileStatusServer status;
  private Path directory;
  private JavaProcess app;

  @BeforeAll
  void start() throws Exception {
    status = new HostileStatusServer();
    status.json("/big", entries(1));
    status.json("/slow", GOOD);
    directory = Files.createTempDirectory("hostile-source-it");
    Path mapping = directory.resolve("status-exporter.yml");
    Files.writeString(
        mapping,
        """
        sources:
          - name: big
            url: http://127.0.0.1:%1$d/big
            timeout: 20s
            metrics:
              - {name: app_entry, field: "[0]", each: entries, key_label: entry}
          - name: slow
            url: http://user:secret@127.0.0.1:%1$d/slow?token=secret
            timeout: 500ms
            headers: {X-Token: secret}
            metrics:
              - {name: app_requests_current, field: current_requests}
        """
            .formatted(status.port()));
    // The heap of the report, in which eight scrapes of such documents used to end the
    // application; now it would exit rather than carry on with an OutOfMemoryError.
    app =
        JavaProcess.start(
            List.of(
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-javaagent:" + JavaProcess.AGENT_JAR + "=port=" + agentPort + ",config=" + mapping,
                "-jar",
                JavaProcess.DEMO_JAR.toString(),
                "--port",
                String.valueOf(appPort)),
            Map.of());
    app.awaitStdout(line -> line.startsWith("demo-app ready"), Duration.ofSeconds(30));
    app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    status.close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** {"entries": [[1],[1],...]}: four bytes an entry, so 250,000 of them fit in 1 MiB. */
  private static byte[] entries(int count) {
    StringBuilder json = new StringBuilder(count * 4 + 16).append("{\"entries\": [");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "[1]" : ",[1]");
    }
    return json(json.append("]}").toString());
  }

  private static String up(String source) {
    return "status_exporter_source_up{source=\"" + source + "\"}";
  }

  private static double readErrors(Scrape scrape, String source, String reason) {
    Double value =
        scrape.value(
            "status_exporter_source_read_errors_total{reason=\""
                + reason
                + "\",source=\""
                + source
                + "\"}");
    return value == null ? 0 : value;
  }

  private long stderrLinesContaining(String text) {
    return app.stderr().stream().filter(line -> line.contains(text)).count();
  }

  /** Rounds of {@link #CLIENTS} scrapes at once; every one must be answered 200. */
  private List<String> concurrentScrapes(int rounds) {
    List<String> bodies = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      List<CompletableFuture<HttpResponse<String>>> scrapes = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        scrapes.add(Http.getAsync("http://localhost:" + agentPort + "/metrics"));
      }
      for (CompletableFuture<HttpResponse<String>> scrape : scrapes) {
        HttpResponse<String> response = scrape.join();
        assertThat(response.statusCode()).isEqualTo(200);
        bodies.add(response.body());
      }
    }
    return bodies;
  }

  private void assertTheApplicationIsUnharmed() {
    assertThat(app.isAlive()).as("the application runs").isTrue();
    assertThat(Http.get("http://localhost:" + appPort + "/status").statusCode()).isEqualTo(200);
    assertThat(app.stderr()).noneMatch(line -> line.contains("OutOfMemoryError"));
  }

  private void answerWell() {
    status.json("/big", entries(1));
    status.json("/slow", GOOD);
    Scrape.awaitValue(agentPort, up("big"), 1.0, Duration.ofSeconds(20));
    Scrape.awaitValue(agentPort, up("slow"), 1.0, Duration.ofSeconds(20));
  }

  @Test
  @Order(1)
  void aQuarterMillionEntriesReadByADozenScrapesAtOnceAreRefusedAsTooLarge() {
    answerWell();
    double before = readErrors(Scrape.of(agentPort), "big", "too_large");

    status.json("/big", entries(250_000));
    List<String> scrapes = concurrentScrapes(3);

    assertThat(scrapes)
        .allSatisfy(
            body -> {
              assertThat(body).contains(up("big") + " 0.0\n").doesNotContain("app_entry");
              assertThat(body).contains("app_requests_current 1.0\n");
            });
    assertThat(readErrors(Scrape.of(agentPort), "big", "too_large")).isGreaterThan(before);
    assertThat(stderrLinesContaining("/big cannot be read: the body holds more than 100000 JSON"))
        .isEqualTo(1);
    assertTheApplicationIsUnharmed();
  }

  @Test
  @Order(2)
  void aDocumentOverTheSeriesCapIsLeftOutCountedAndToldOnceThenServedUnderIt() {
    answerWell();
    double before = readErrors(Scrape.of(agentPort), "big", "too_many_series");
    long linesBefore = stderrLinesContaining("/big cannot be read: it maps to more than 10000");

    // 80,000 values: within the JSON cap, four times over the default cap of 10,000 series.
    status.json("/big", entries(40_000));
    List<String> scrapes = concurrentScrapes(3);

    assertThat(scrapes)
        .allSatisfy(
            body -> assertThat(body).contains(up("big") + " 0.0\n").doesNotContain("app_entry"));
    assertThat(readErrors(Scrape.of(agentPort), "big", "too_many_series")).isGreaterThan(before);
    assertThat(stderrLinesContaining("/big cannot be read: it maps to more than 10000 series"))
        .isEqualTo(linesBefore + 1);
    assertTheApplicationIsUnharmed();

    status.json("/big", entries(10_000));
    Scrape atTheCap = Scrape.awaitValue(agentPort, up("big"), 1.0, Duration.ofSeconds(20));
    assertThat(atTheCap.family("app_entry").lines().filter(line -> line.startsWith("app_entry{")))
        .hasSize(10_000);
  }

  @Test
  @Order(3)
  void aTricklingAnswerHoldsNoScrapePastTheTimeoutAndTheNextGoodAnswerIsReadAtOnce() {
    answerWell();
    double before = readErrors(Scrape.of(agentPort), "slow", "timeout");

    // A byte every 300 ms: the socket timeout (500 ms) never fires, the answer takes ~40 s.
    status.trickle("/slow", json("{\"current_requests\": 2}"), 300);
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      Scrape scrape = Scrape.of(agentPort);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("a scrape waits about the timeout of 500 ms")
          .isLessThan(Duration.ofMillis(2_500));
      assertThat(scrape.value(up("slow"))).isEqualTo(0.0);
      assertThat(scrape.text).doesNotContain("app_requests_current");
    }
    long start = System.nanoTime();
    List<String> concurrent = concurrentScrapes(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    assertThat(concurrent).allSatisfy(body -> assertThat(body).contains(up("slow") + " 0.0\n"));
    // The concurrent scrapes share renderings, so they count at least one timeout more.
    assertThat(readErrors(Scrape.of(agentPort), "slow", "timeout"))
        .isGreaterThanOrEqualTo(before + 3 + 1 + 1);

    status.json("/slow", json("{\"current_requests\": 3}"));
    Scrape next = Scrape.of(agentPort);
    assertThat(next.value("app_requests_current"))
        .as("the next scrape reads afresh, not the abandoned trickle")
        .isEqualTo(3.0);
  }

  @Test
  @Order(4)
  void bytesThatAreNotHttpAreSaidToBeSo() {
    answerWell();
    long linesBefore = stderrLinesContaining("did not answer with a valid HTTP status line");

    status.raw("/slow", "SSH-2.0-OpenSSH_9.2\r\n\r\n");
    Scrape scrape = Scrape.of(agentPort);

    assertThat(scrape.value(up("slow"))).isEqualTo(0.0);
    assertThat(readErrors(scrape, "slow", "not_http")).isPositive();
    // The line is written as the scrape is answered; the test reads stderr on a thread of its own.
    String line =
        "status-exporter: status source http://***@127.0.0.1:"
            + status.port()
            + "/slow?token=*** cannot be read: did not answer with a valid HTTP status line;"
            + " app metrics are left out until it answers";
    app.awaitStderr(line::equals, Duration.ofSeconds(10));
    assertThat(stderrLinesContaining("did not answer with a valid HTTP status line"))
        .isEqualTo(linesBefore + 1);
  }

  /** Last, so that it looks at everything the other tests made the agent say. */
  @Test
  @Order(5)
  void secretsInTheUrlAndHeadersNeverShowInTheLogOrTheMetrics() {
    answerWell();
    Scrape scrape = Scrape.of(agentPort);

    assertThat(status.requestHeads())
        .as("the secrets were sent: the test is not vacuous")
        .anyMatch(head -> head.contains("/slow?token=secret ") && head.contains("X-Token: secret"));
    assertThat(app.stderr())
        .as("the source's lines name it, masked")
        .anyMatch(
            line -> line.contains("http://***@127.0.0.1:" + status.port() + "/slow?token=***"));
    assertThat(app.stderr()).noneMatch(line -> line.toLowerCase().contains("secret"));
    assertThat(scrape.text.toLowerCase()).doesNotContain("secret");
  }

  @Test
  @Order(6)
  void anIpv6HostIsBracketedAndASourceOptionsSecretsAreMasked() throws Exception {
    assumeTrue(ipv6Loopback(), "no IPv6 loopback on this machine");
    int port = Http.freePort();
    status.json("/status", GOOD);
    String source = "http://user:secret@127.0.0.1:" + status.port() + "/status?token=secret";
    try (JavaProcess ipv6 =
        JavaProcess.demoApp(
            Http.freePort(), "host=::1,port=" + port + ",source=" + source + ",timeout=5s")) {
      ipv6.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));

      assertThat(ipv6.stderr())
          .filteredOn(line -> line.contains("serving"))
          .singleElement()
          .asString()
          .matches(
              "status-exporter \\S+ serving http://\\[::1\\]:"
                  + port
                  + "/metrics, status from http://\\*\\*\\*@127\\.0\\.0\\.1:"
                  + status.port()
                  + "/status\\?token=\\*\\*\\*");
      Scrape scrape = Scrape.of("http://[::1]:" + port + "/metrics");
      assertThat(scrape.value("app_requests_current")).isEqualTo(1.0);
      assertThat(ipv6.stderr()).noneMatch(line -> line.toLowerCase().contains("secret"));
      assertThat(scrape.text.toLowerCase()).doesNotContain("secret");
    }
  }

  private static boolean ipv6Loopback() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
