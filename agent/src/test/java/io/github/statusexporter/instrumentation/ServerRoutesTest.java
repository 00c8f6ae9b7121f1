package io.github.statusexporter.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.mappingfile.RouteSettings;
import io.github.statusexporter.config.options.HistogramBuckets;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The routes of the servers that name them themselves: Reactor Netty, Undertow, Vert.x. */
class ServerRoutesTest {
  private static final int GET = RouteRecorder.method("GET");

  private final PrometheusRegistry registry = new PrometheusRegistry();

  private ServerRoutes routes(List<String> ignore, List<String> templates, int maxRoutes) {
    RequestMetrics metrics =
        new RequestMetrics(
            HistogramBuckets.CLASSIC, new RouteSettings(ignore, templates, maxRoutes));
    metrics.register(registry);
    return new ServerRoutes(metrics, List.of("/actuator/health"));
  }

  /** One request, begun and ended, named by a framework's template if not null. */
  private static void record(
      ServerRoutes routes, String base, String template, String path, int status) {
    routes.begun(false, GET);
    String userPath = template == null && routes.hasUserTemplates() ? path : null;
    routes.recorder(false, base, template, userPath).finished(GET, status, System.nanoTime());
  }

  private String counts() {
    return Exposition.lines(registry, "http_server_request_duration_seconds_count")
        .replace("http_server_request_duration_seconds_count{http_request_method=\"GET\",", "")
        .replace(",url_scheme=\"http\"}", "");
  }

  @Test
  void aTemplateHasItsBasePathAndARequestNoTemplateTookIsTheServersRoot() {
    ServerRoutes routes = routes(List.of(), List.of(), 500);

    record(routes, "/api", "/hello/{name}", "/api/hello/a", 200);
    record(routes, "", "/hello/{name}", "/hello/b", 200);
    record(routes, "", "/hello/{name}", "/hello/c", 200);
    record(routes, "", null, "/elsewhere", 404);
    // The client went away before the headers: no status.
    record(routes, "", null, "/x", -1);

    assertThat(counts())
        .isEqualTo(
            "http_response_status_code=\"\",http_route=\"/\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"/api/hello/{name}\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"/hello/{name}\" 2\n"
                + "http_response_status_code=\"404\",http_route=\"/\" 1");
    assertThat(Exposition.lines(registry, "http_server_active_requests"))
        .isEqualTo(
            "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"} 0.0");
  }

  @Test
  void userTemplatesNameWhatNoFrameworkNamedAndIgnoredRoutesHaveNoSeries() {
    ServerRoutes routes = routes(List.of("/ping"), List.of("/orders/{id}", "/ping"), 500);

    record(routes, "", null, "/orders/1", 200);
    record(routes, "", null, "/orders/2", 200);
    record(routes, "", null, "/ping", 200);
    record(routes, "", "/orders/{x}", "/orders/3", 200);
    record(routes, "", null, "/other", 404);

    assertThat(counts())
        .isEqualTo(
            "http_response_status_code=\"200\",http_route=\"/orders/{id}\" 2\n"
                + "http_response_status_code=\"200\",http_route=\"/orders/{x}\" 1\n"
                + "http_response_status_code=\"404\",http_route=\"/\" 1");
  }

  @Test
  void templatesPastTheCapFoldAndTheServersRootCountsFromTheFirstRequest() {
    ServerRoutes routes = routes(List.of(), List.of(), 2);

    record(routes, "", "/a", "/a", 200);
    record(routes, "", "/b", "/b", 200);
    record(routes, "", "/c", "/c", 200);

    assertThat(counts())
        .isEqualTo(
            "http_response_status_code=\"200\",http_route=\"/a\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"_OTHER\" 2");
  }

  @Test
  void anyUriThatContainsAnAgentReadPathMayBeItsRead() {
    ServerRoutes routes = routes(List.of(), List.of(), 500);

    assertThat(routes.mayServeAgentReads("/actuator/health")).isTrue();
    assertThat(routes.mayServeAgentReads("http://localhost:8080/actuator/health?x")).isTrue();
    assertThat(routes.mayServeAgentReads("/hello/x")).isFalse();
  }
}
