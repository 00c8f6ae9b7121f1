package io.github.statusexporter.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.options.HistogramBuckets;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RouteRecorderTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final RequestMetrics metrics = new RequestMetrics(HistogramBuckets.CLASSIC);

  RouteRecorderTest() {
    metrics.register(registry);
  }

  @Test
  void aRequestIsCountedInItsBucketWithTheConventionsLabels() {
    RouteRecorder recorder = metrics.route("/work", false);
    int get = RouteRecorder.method("GET");

    recorder.finished(get, 200, recorder.started(get) - 200_000_000L);

    assertThat(Exposition.lines(registry, "http_server_request_duration_seconds_bucket"))
        .contains(
            "http_server_request_duration_seconds_bucket{http_request_method=\"GET\","
                + "http_response_status_code=\"200\",http_route=\"/work\",url_scheme=\"http\","
                + "le=\"0.1\"} 0\n")
        .contains(
            "http_server_request_duration_seconds_bucket{http_request_method=\"GET\","
                + "http_response_status_code=\"200\",http_route=\"/work\",url_scheme=\"http\","
                + "le=\"0.25\"} 1\n");
    assertThat(Exposition.lines(registry, "http_server_active_requests"))
        .isEqualTo(
            "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"} 0.0");
  }

  @Test
  void activeRequestsCountWhatHasStartedAndNotFinished() {
    RouteRecorder recorder = metrics.route("/", true);
    int post = RouteRecorder.method("POST");
    recorder.started(post);
    long second = recorder.started(post);
    recorder.finished(post, 201, second);

    assertThat(Exposition.lines(registry, "http_server_active_requests"))
        .isEqualTo(
            "http_server_active_requests{http_request_method=\"POST\",url_scheme=\"https\"} 1.0");
  }

  /** The family as client_java's {@code Gauge} wrote it, before the agent kept its own counts. */
  @Test
  void activeRequestsAreAGaugeWithASeriesForEachMethodAndSchemeThatHadARequest() {
    int get = RouteRecorder.method("GET");
    int post = RouteRecorder.method("POST");
    RouteRecorder https = metrics.route("/", true);
    RouteRecorder http = metrics.route("/", false);
    https.started(get);
    http.started(post);
    http.finished(post, 200, http.started(post));

    assertThat(
            Arrays.stream(Exposition.text(registry).split("\n"))
                .filter(line -> line.contains("http_server_active_requests"))
                .collect(Collectors.joining("\n")))
        .isEqualTo(
            "# HELP http_server_active_requests Number of HTTP server requests in flight\n"
                + "# TYPE http_server_active_requests gauge\n"
                + "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"https\"}"
                + " 1.0\n"
                + "http_server_active_requests{http_request_method=\"POST\",url_scheme=\"http\"}"
                + " 1.0");
  }

  @Test
  void unknownMethodsAndStatusesFoldIntoBoundedLabelValues() {
    RouteRecorder recorder = metrics.route("/", false);
    for (String method : new String[] {"BREW", "PROPFIND", "get", "WHEN"}) {
      int index = RouteRecorder.method(method);
      recorder.finished(index, 999, recorder.started(index));
    }
    int get = RouteRecorder.method("GET");
    recorder.finished(get, -1, recorder.started(get));

    assertThat(Exposition.lines(registry, "http_server_request_duration_seconds_count"))
        .isEqualTo(
            "http_server_request_duration_seconds_count{http_request_method=\"GET\","
                + "http_response_status_code=\"\",http_route=\"/\",url_scheme=\"http\"} 1\n"
                + "http_server_request_duration_seconds_count{http_request_method=\"_OTHER\","
                + "http_response_status_code=\"\",http_route=\"/\",url_scheme=\"http\"} 4");
  }
}
