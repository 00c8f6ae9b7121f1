package io.github.statusexporter.bench;

import io.github.statusexporter.collect.SourceBinding;
import io.github.statusexporter.collect.StatusCollector;
import io.github.statusexporter.config.options.AgentConfig;
import io.github.statusexporter.config.options.HistogramBuckets;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RouteRecorder;
import io.github.statusexporter.jvm.JvmCollectors;
import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.source.JsonReadings;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.SharedRead;
import io.github.statusexporter.source.SourceException;
import io.github.statusexporter.source.StatusSource;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Collecting and writing one scrape as the agent's {@code /metrics} does (client_java's scrape
 * handler over the agent's registry), without the HTTP server around it: the demo's status from a
 * canned document through the seed mapping, the self-metrics, request metrics of two routes and,
 * unless {@code families} says otherwise, the JVM metrics. In microseconds; bytes allocated per
 * scrape with {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScrapeBenchmark {
  private static final byte[] DEMO_STATUS =
      ("{\"current_requests\": 4, \"pending_requests\": 0, \"total_uptime\": 104.914734,"
              + " \"health\": \"healthy\"}")
          .getBytes(StandardCharsets.UTF_8);

  /** The Accept header of each format, as Prometheus sends it (and gzip for those it sends). */
  private static final Map<String, String> ACCEPT =
      Map.of(
          "text",
          "text/plain;version=0.0.4",
          "protobuf",
          "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
              + "encoding=delimited");

  @Param({"text", "protobuf"})
  public String format;

  /**
   * {@code all} as the agent serves them; {@code without-jvm}, so that the difference is the JVM
   * metrics' share; or {@code client-java-jvm}, with client_java's {@code JvmMetrics} in place of
   * the agent's {@link JvmCollectors}: what its own thread and process families save.
   */
  @Param({"all", "without-jvm", "client-java-jvm"})
  public String families;

  private PrometheusScrapeHandler handler;
  private Exchange exchange;

  @Setup
  public void setUp() {
    PrometheusProperties properties = PrometheusProperties.builder().build();
    PrometheusRegistry registry = new PrometheusRegistry();
    RequestMetrics requestMetrics = new RequestMetrics(HistogramBuckets.CLASSIC);
    requestMetrics.register(registry);
    int get = RouteRecorder.method("GET");
    for (String route : List.of("/status", "/work")) {
      RouteRecorder recorder = requestMetrics.route(route, false);
      recorder.finished(get, 200, recorder.started(get));
    }
    SharedRead read = new SharedRead(new CannedStatus(), Duration.ofSeconds(2), Runnable::run);
    registry.register(
        new StatusCollector(
            List.of(
                new SourceBinding("default", read, Mapping.seed(), AgentConfig.DEFAULT_MAX_SERIES)),
            log -> {}));
    if (families.equals("all")) {
      JvmCollectors.register(registry);
    } else if (families.equals("client-java-jvm")) {
      JvmMetrics.builder(properties).register(registry);
    }
    handler = new PrometheusScrapeHandler(properties, registry);
    exchange = new Exchange(ACCEPT.get(format));
  }

  @Benchmark
  public long collectAndWrite() throws IOException {
    handler.handleRequest(exchange);
    return exchange.body.bytes;
  }

  /** The demo's status document, parsed at every read as the agent parses what it fetched. */
  private static final class CannedStatus implements StatusSource {
    @Override
    public Reading read() throws SourceException {
      return JsonReadings.parse(DEMO_STATUS);
    }

    @Override
    public String describe() {
      return "canned";
    }
  }

  /** A request with one Accept header; the response body is counted, not kept. */
  private static final class Exchange
      implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {
    private final String accept;
    final CountingStream body = new CountingStream();

    Exchange(String accept) {
      this.accept = accept;
    }

    @Override
    public PrometheusHttpRequest getRequest() {
      return this;
    }

    @Override
    public PrometheusHttpResponse getResponse() {
      return this;
    }

    @Override
    public String getQueryString() {
      return null;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return name.equals("Accept")
          ? Collections.enumeration(List.of(accept))
          : Collections.emptyEnumeration();
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public String getRequestPath() {
      return "/metrics";
    }

    @Override
    public void setHeader(String name, String value) {}

    @Override
    public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
      body.bytes = 0;
      return body;
    }

    @Override
    public void handleException(IOException e) {
      throw new UncheckedIOException(e);
    }

    @Override
    public void handleException(RuntimeException e) {
      throw e;
    }

    @Override
    public void close() {}
  }

  private static final class CountingStream extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
