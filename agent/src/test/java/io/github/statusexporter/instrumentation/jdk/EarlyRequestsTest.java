package io.github.statusexporter.instrumentation.jdk;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests a JDK server answers before the agent's start has made the metrics: kept, and recorded
 * once the metrics exist, on a real JDK server wrapped as the agent's provider wraps it.
 */
class EarlyRequestsTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    RequestRecording.install(null);
    EarlyRequests.reset();
    server =
        new InstrumentedHttpServer(
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16));
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/ready", exchange -> respond(exchange, 200));
    server.createContext("/starting", exchange -> respond(exchange, 503));
    server.createContext("/async", exchange -> workers.execute(() -> respondLater(exchange)));
    server.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
    workers.shutdownNow();
    workers.awaitTermination(5, TimeUnit.SECONDS);
    RequestRecording.install(null);
    EarlyRequests.reset();
  }

  private static void respond(HttpExchange exchange, int status) throws IOException {
    byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void respondLater(HttpExchange exchange) {
    try {
      Thread.sleep(50);
      respond(exchange, 200);
    } catch (IOException | InterruptedException e) {
      exchange.close();
    }
  }

  private int send(String method, String path) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private RequestMetrics metrics() {
    RequestMetrics metrics = new RequestMetrics(HistogramBuckets.CLASSIC);
    metrics.register(registry);
    return metrics;
  }

  private static String count(String method, String status, String route, int count) {
    return "http_server_request_duration_seconds_count{http_request_method=\""
        + method
        + "\",http_response_status_code=\""
        + status
        + "\",http_route=\""
        + route
        + "\",url_scheme=\"http\"} "
        + count;
  }

  @Test
  void requestsAnsweredBeforeTheMetricsExistAreRecordedOnceTheyDo() throws Exception {
    assertThat(send("GET", "/starting")).isEqualTo(503);
    assertThat(send("GET", "/ready")).isEqualTo(200);
    assertThat(send("GET", "/ready")).isEqualTo(200);
    assertThat(send("POST", "/ready")).isEqualTo(200);
    assertThat(send("GET", "/async")).isEqualTo(200);

    RequestMetrics metrics = metrics();
    RequestRecording.install(metrics);
    // The one whose handler returned before its answer was sent has no status to record.
    assertThat(JdkServerInstrumentation.recordEarlyRequests(metrics)).isEqualTo(1);
    assertThat(send("GET", "/ready")).isEqualTo(200);

    String counts = "";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (System.nanoTime() < deadline) {
      counts = Exposition.lines(registry, "http_server_request_duration_seconds_count");
      if (counts.contains(count("GET", "200", "/ready", 3))) {
        break;
      }
      Thread.sleep(10);
    }
    assertThat(counts)
        .isEqualTo(
            String.join(
                "\n",
                count("GET", "200", "/ready", 3),
                count("GET", "503", "/starting", 1),
                count("POST", "200", "/ready", 1)));
    assertThat(Exposition.lines(registry, "http_server_active_requests"))
        .contains(
            "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"} 0.0");
    // Recorded once only.
    assertThat(JdkServerInstrumentation.recordEarlyRequests(metrics)).isZero();
  }

  @Test
  void atMostTheBoundIsKeptAndTheRestIsCounted() {
    RecordingFilter filter = new RecordingFilter("/bulk", false);
    for (int i = 0; i < EarlyRequests.MAX + 3; i++) {
      assertThat(EarlyRequests.keep(filter, "/bulk", "GET", 200, 1_000_000)).isTrue();
    }

    RequestMetrics metrics = metrics();
    assertThat(EarlyRequests.record(metrics)).isEqualTo(3);
    assertThat(Exposition.lines(registry, "http_server_request_duration_seconds_count"))
        .isEqualTo(count("GET", "200", "/bulk", EarlyRequests.MAX));
    assertThat(EarlyRequests.keep(filter, "/bulk", "GET", 200, 1_000_000)).isFalse();
  }
}
