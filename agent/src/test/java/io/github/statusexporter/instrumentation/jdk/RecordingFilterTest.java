package io.github.statusexporter.instrumentation.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.statusexporter.config.options.HistogramBuckets;
import io.github.statusexporter.instrumentation.Exposition;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The recording filter on a real JDK server, wrapped as the agent's provider wraps it. */
class RecordingFilterTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    RequestMetrics metrics = new RequestMetrics(HistogramBuckets.CLASSIC);
    metrics.register(registry);
    RequestRecording.install(metrics);
    RequestRecording.agentReadPaths(List.of("/status"));
    server =
        new InstrumentedHttpServer(
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16));
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/hello", new Hello());
    server.createContext("/lambda", exchange -> respond(exchange, 200, "lambda"));
    HttpContext late = server.createContext("/late");
    late.setHandler(exchange -> respond(exchange, 202, "late"));
    server.createContext(
        "/empty",
        exchange -> {
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.createContext(
        "/fail",
        exchange -> {
          throw new IllegalStateException("handler bug");
        });
    server.createContext("/async", exchange -> workers.execute(() -> respondLater(exchange)));
    server.createContext("/status", exchange -> respond(exchange, 200, "{}"));
    server.createContext("/", exchange -> respond(exchange, 404, "no"));
    server.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
    workers.shutdownNow();
    workers.awaitTermination(5, TimeUnit.SECONDS);
    RequestRecording.install(null);
    RequestRecording.agentReadPaths(List.of());
  }

  static final class Hello implements com.sun.net.httpserver.HttpHandler {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
      respond(exchange, 200, "hello");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void respondLater(HttpExchange exchange) {
    try {
      Thread.sleep(300);
      respond(exchange, 200, "later");
    } catch (IOException | InterruptedException e) {
      exchange.close();
    }
  }

  private int get(String path) throws Exception {
    return get(path, "test");
  }

  private int get(String path, String userAgent) throws Exception {
    try {
      return client
          .send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                  .header("User-Agent", userAgent)
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (IOException closedByServer) {
      return -1;
    }
  }

  private String counts() {
    return Exposition.lines(registry, "http_server_request_duration_seconds_count");
  }

  /**
   * The counts once {@code expectation} holds: a request is recorded just after its response is
   * complete, so the client may see the response a moment before the count moves.
   */
  private String countsOnce(java.util.function.Consumer<String> expectation)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (true) {
      String counts = counts();
      try {
        expectation.accept(counts);
        return counts;
      } catch (AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(10);
      }
    }
  }

  private static String count(String method, String status, String route, int count) {
    return "http_server_request_duration_seconds_count{http_request_method=\""
        + method
        + "\","
        + "http_response_status_code=\""
        + status
        + "\","
        + "http_route=\""
        + route
        + "\",url_scheme=\"http\"} "
        + count;
  }

  @Test
  void handlerClassesLambdasAndLateHandlersAreCountedByRoute() throws Exception {
    get("/hello");
    get("/hello");
    get("/lambda");
    get("/late");

    countsOnce(
        counts ->
            assertThat(counts)
                .contains(count("GET", "200", "/hello", 2))
                .contains(count("GET", "200", "/lambda", 1))
                .contains(count("GET", "202", "/late", 1)));
  }

  @Test
  void responsesWithoutBodyAndFailingHandlersAreCounted() throws Exception {
    get("/empty");
    get("/fail");

    // The client may retry the GET whose connection the server closed: at least one.
    countsOnce(counts -> assertThat(counts).contains(count("GET", "204", "/empty", 1)));
    assertThat(counts())
        .containsPattern(
            "http_response_status_code=\"\",http_route=\"/fail\",url_scheme=\"http\"} [12]");
    assertThat(Exposition.lines(registry, "http_server_active_requests"))
        .isEqualTo(
            "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"} 0.0");
  }

  @Test
  void aResponseFinishedOnAnotherThreadEndsWhenItIsSent() throws Exception {
    get("/async");
    get("/async");

    countsOnce(counts -> assertThat(counts).contains(count("GET", "200", "/async", 2)));
    assertThat(Exposition.lines(registry, "http_server_request_duration_seconds_bucket"))
        .contains("http_route=\"/async\",url_scheme=\"http\",le=\"0.25\"} 0")
        .contains("http_route=\"/async\",url_scheme=\"http\",le=\"0.5\"} 2");
  }

  @Test
  void theAgentsOwnStatusReadsAreNotCounted() throws Exception {
    get("/status", RequestRecording.AGENT_USER_AGENT_PREFIX + "1.0");
    get("/status", "curl/8.0");
    get("/hello");

    // A request is recorded as its exchange closes, which may be after the client has the answer
    // and has sent the next: wait for both, then /status must stay at 1.
    countsOnce(
        counts ->
            assertThat(counts)
                .contains(count("GET", "200", "/hello", 1))
                .contains(count("GET", "200", "/status", 1)));
    get("/hello");
    countsOnce(counts -> assertThat(counts).contains(count("GET", "200", "/hello", 2)));
    assertThat(counts()).contains(count("GET", "200", "/status", 1));
  }

  @Test
  void tenThousandDistinctUrlsMakeOneSeries() throws Exception {
    for (int i = 0; i < 10_000; i++) {
      get("/scan/" + i + "?q=" + i);
    }

    countsOnce(counts -> assertThat(counts).isEqualTo(count("GET", "404", "/", 10_000)));
  }

  @Test
  void withoutRequestMetricsRequestsAreServedAndNotRecorded() throws Exception {
    RequestRecording.install(null);
    HttpServer plain =
        new InstrumentedHttpServer(
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16));
    plain.createContext("/hello", new Hello());
    plain.start();
    try {
      int status =
          client
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + plain.getAddress().getPort() + "/hello"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode();
      assertThat(status).isEqualTo(200);
    } finally {
      plain.stop(0);
    }
    assertThat(counts()).isEmpty();
  }
}
