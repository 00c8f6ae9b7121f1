package io.github.statusexporter.instrumentation.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.statusexporter.config.options.HistogramBuckets;
import io.github.statusexporter.instrumentation.Exposition;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.jdk.RunningServers.RunningServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real JDK servers created and started as an application does before the agent is attached, found
 * from their threads and given the recording filter (the build opens {@code java.lang} and {@code
 * sun.net.httpserver} to the tests, as the agent opens them to itself).
 */
class RunningServerFiltersTest {
  private final Path testClasses = CodeLocations.of(getClass()).orElseThrow();
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<String> log = new ArrayList<>();
  private final List<HttpServer> servers = new ArrayList<>();

  @BeforeEach
  void recordRequests() {
    RequestMetrics metrics = new RequestMetrics(HistogramBuckets.CLASSIC);
    metrics.register(registry);
    RequestRecording.install(metrics);
  }

  @AfterEach
  void stop() {
    servers.forEach(server -> server.stop(0));
    RequestRecording.install(null);
  }

  /** A server as the application makes it: the JDK's own, with a filter of its own on /work. */
  private HttpServer applicationServer() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    servers.add(server);
    server.createContext("/status", exchange -> respond(exchange, 200));
    server.createContext("/work", exchange -> respond(exchange, 201)).getFilters().add(new Own());
    server.start();
    return server;
  }

  private RunningServer running(HttpServer server) throws ReflectiveOperationException {
    return RunningServers.find(new ThreadTasks()).stream()
        .filter(found -> found.server == server)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aStartedServerIsFoundFromItsThreadWithItsContexts() throws Exception {
    HttpServer server = applicationServer();

    RunningServer running = running(server);

    assertThat(running.contexts)
        .extracting(HttpContext::getPath)
        .containsExactly("/status", "/work");
  }

  @Test
  void theApplicationsRunningServerRecordsFromItsNextRequestOn() throws Exception {
    HttpServer server = applicationServer();
    assertThat(get(server, "/work")).isEqualTo(201);

    new RunningServerFilters(new ServerOwners(Optional.empty(), path -> false), log::add)
        .instrument(List.of(running(server)));
    assertThat(get(server, "/status")).isEqualTo(200);
    assertThat(get(server, "/work")).isEqualTo(201);
    assertThat(get(server, "/work/1")).isEqualTo(201);

    assertThat(running(server).contexts)
        .allSatisfy(
            context -> assertThat(context.getFilters().get(0)).isInstanceOf(RecordingFilter.class));
    assertThat(server.createContext("/other").getFilters()).isEmpty();
    assertThat(log)
        .containsExactly(
            "measuring the running HTTP server on port "
                + server.getAddress().getPort()
                + " from its next request on; contexts created on it from now on are not"
                + " measured");
    assertThat(
            countsOnce(
                "http_server_request_duration_seconds_count{http_request_method=\"GET\","
                    + "http_response_status_code=\"200\",http_route=\"/status\",url_scheme=\"http\"}"
                    + " 1\n"
                    + "http_server_request_duration_seconds_count{http_request_method=\"GET\","
                    + "http_response_status_code=\"201\",http_route=\"/work\",url_scheme=\"http\"}"
                    + " 2"))
        .isTrue();
  }

  @Test
  void aServerThatHasTheFilterIsNotGivenASecond() throws Exception {
    HttpServer server = applicationServer();
    RunningServerFilters filters =
        new RunningServerFilters(new ServerOwners(Optional.empty(), path -> false), log::add);

    filters.instrument(List.of(running(server)));
    filters.instrument(List.of(running(server)));

    assertThat(running(server).contexts)
        .allSatisfy(
            context ->
                assertThat(context.getFilters())
                    .filteredOn(filter -> filter instanceof RecordingFilter)
                    .hasSize(1));
  }

  @Test
  void anotherAgentsRunningServerIsLeftAloneAndSaidSo() throws Exception {
    HttpServer server = applicationServer();

    new RunningServerFilters(new ServerOwners(Optional.empty(), testClasses::equals), log::add)
        .instrument(List.of(running(server)));

    assertThat(running(server).contexts)
        .allSatisfy(
            context ->
                assertThat(context.getFilters())
                    .noneMatch(filter -> filter instanceof RecordingFilter));
    assertThat(log)
        .containsExactly(
            "not measuring the running HTTP server on port "
                + server.getAddress().getPort()
                + ": it belongs to the agent "
                + testClasses.getFileName());
  }

  @Test
  void theAgentsOwnRunningServerIsLeftOutWithoutAWord() throws Exception {
    HttpServer server = applicationServer();

    new RunningServerFilters(new ServerOwners(Optional.of(testClasses), path -> false), log::add)
        .instrument(List.of(running(server)));

    assertThat(running(server).contexts.get(0).getFilters()).isEmpty();
    assertThat(log).isEmpty();
  }

  private static final class Own extends Filter {
    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      chain.doFilter(exchange);
    }

    @Override
    public String description() {
      return "the application's own";
    }
  }

  private static void respond(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, 2);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write("ok".getBytes());
    }
  }

  private int get(HttpServer server, String path) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Whether the counts come to {@code expected}: a request is recorded just after it ends. */
  private boolean countsOnce(String expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (!Exposition.lines(registry, "http_server_request_duration_seconds_count")
        .equals(expected)) {
      if (System.nanoTime() > deadline) {
        assertThat(Exposition.lines(registry, "http_server_request_duration_seconds_count"))
            .isEqualTo(expected);
      }
      Thread.sleep(10);
    }
    return true;
  }
}
