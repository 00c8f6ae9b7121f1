package io.github.statusexporter.instrumentation.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.HistogramBuckets;
import io.github.statusexporter.config.RouteSettings;
import io.github.statusexporter.instrumentation.Exposition;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RouteRecorder;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class UndertowRoutesTest {
  private static final int GET = RouteRecorder.method("GET");

  private final PrometheusRegistry registry = new PrometheusRegistry();

  private UndertowRoutes routes(List<String> templates, int maxRoutes) {
    RequestMetrics metrics =
        new RequestMetrics(
            PrometheusProperties.builder().build(),
            HistogramBuckets.CLASSIC,
            new RouteSettings(List.of(), templates, maxRoutes));
    metrics.register(registry);
    return new UndertowRoutes(metrics, List.of("/status"));
  }

  /** One request, begun and ended, taken by a routing handler's template if not null. */
  private static void record(UndertowRoutes routes, String template, String path, int status) {
    routes.begun(false, GET);
    routes.recorder(false, template, path).finished(GET, status, System.nanoTime());
  }

  private String counts() {
    return Exposition.lines(registry, "http_server_request_duration_seconds_count")
        .replace("http_server_request_duration_seconds_count{http_request_method=\"GET\",", "")
        .replace(",url_scheme=\"http\"}", "");
  }

  @Test
  void aRoutesTemplateNamesItsRequestsAndARequestNoRouteTookIsTheServersRoot() {
    UndertowRoutes routes = routes(List.of(), 500);

    record(routes, "/items/{id}", "/items/1", 200);
    record(routes, "/items/{id}", "/items/2", 200);
    record(routes, null, "/elsewhere", 404);
    // The client went away before the headers: no status.
    record(routes, null, "/x", -1);

    assertThat(counts())
        .isEqualTo(
            "http_response_status_code=\"\",http_route=\"/\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"/items/{id}\" 2\n"
                + "http_response_status_code=\"404\",http_route=\"/\" 1");
    assertThat(Exposition.lines(registry, "http_server_active_requests"))
        .isEqualTo(
            "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"} 0.0");
  }

  @Test
  void userTemplatesNameWhatNoRouteNamed() {
    UndertowRoutes routes = routes(List.of("/orders/{id}"), 500);

    record(routes, null, "/orders/1", 200);
    record(routes, null, "/other", 200);

    assertThat(counts())
        .isEqualTo(
            "http_response_status_code=\"200\",http_route=\"/\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"/orders/{id}\" 1");
  }

  @Test
  void templatesPastTheCapFold() {
    // The server's root is one of the routes: requests are counted active on its recorder.
    UndertowRoutes routes = routes(List.of(), 3);

    record(routes, "/a/{x}", "/a/1", 200);
    record(routes, "/b/{x}", "/b/1", 200);
    record(routes, "/c/{x}", "/c/1", 200);

    assertThat(counts())
        .isEqualTo(
            "http_response_status_code=\"200\",http_route=\"/a/{x}\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"/b/{x}\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"_OTHER\" 1");
  }

  @Test
  void onlyPathsUnderTheAgentsReadPathsMayBeItsReads() {
    UndertowRoutes routes = routes(List.of(), 500);

    assertThat(routes.mayServeAgentReads("/status")).isTrue();
    assertThat(routes.mayServeAgentReads("/items/status")).isFalse();
  }
}
