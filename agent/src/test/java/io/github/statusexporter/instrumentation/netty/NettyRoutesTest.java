package io.github.statusexporter.instrumentation.netty;

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

class NettyRoutesTest {
  private static final int GET = RouteRecorder.method("GET");

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ConnectionRequests connection = new ConnectionRequests();

  private NettyRoutes routes(List<String> ignore, List<String> templates, int maxRoutes) {
    RequestMetrics metrics =
        new RequestMetrics(
            PrometheusProperties.builder().build(),
            HistogramBuckets.CLASSIC,
            new RouteSettings(ignore, templates, maxRoutes));
    metrics.register(registry);
    return new NettyRoutes(metrics, List.of("/actuator/health"));
  }

  /** One request, begun and ended, named by a framework's template if not null. */
  private static void record(
      NettyRoutes routes,
      ConnectionRequests connection,
      String context,
      String template,
      String uri,
      int status) {
    Object key = new Object();
    routes.begun(false, GET);
    ConnectionRequests.Request request = connection.begin(key, GET, false, System.nanoTime());
    if (template != null) {
      request.template(context, template);
    }
    routes.finished(request, status, uri);
    request.end();
  }

  private String counts() {
    return Exposition.lines(registry, "http_server_request_duration_seconds_count")
        .replace("http_server_request_duration_seconds_count{http_request_method=\"GET\",", "")
        .replace(",url_scheme=\"http\"}", "");
  }

  @Test
  void aFrameworkTemplateHasItsBasePathAndARequestNoHandlerTookIsTheServersRoot() {
    NettyRoutes routes = routes(List.of(), List.of(), 500);

    record(routes, connection, "/api", "/hello/{name}", "/api/hello/a", 200);
    record(routes, connection, "", "/hello/{name}", "/hello/b", 200);
    record(routes, connection, "", null, "/elsewhere?x=1", 404);
    // The client went away before the headers: no status.
    record(routes, connection, "", null, "/x", -1);

    assertThat(counts())
        .isEqualTo(
            "http_response_status_code=\"\",http_route=\"/\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"/api/hello/{name}\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"/hello/{name}\" 1\n"
                + "http_response_status_code=\"404\",http_route=\"/\" 1");
    assertThat(Exposition.lines(registry, "http_server_active_requests"))
        .isEqualTo(
            "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"} 0.0");
  }

  @Test
  void userTemplatesNameWhatNoFrameworkNamedAndIgnoredRoutesHaveNoSeries() {
    NettyRoutes routes = routes(List.of("/ping"), List.of("/orders/{id}", "/ping"), 500);

    record(routes, connection, "", null, "/orders/1?full=true", 200);
    record(routes, connection, "", null, "http://host:8080/orders/2", 200);
    record(routes, connection, "", null, "/ping", 200);
    record(routes, connection, "", "/orders/{x}", "/orders/3", 200);
    record(routes, connection, "", null, "/other", 404);

    assertThat(counts())
        .isEqualTo(
            "http_response_status_code=\"200\",http_route=\"/orders/{id}\" 2\n"
                + "http_response_status_code=\"200\",http_route=\"/orders/{x}\" 1\n"
                + "http_response_status_code=\"404\",http_route=\"/\" 1");
  }

  @Test
  void templatesPastTheCapFoldAndTheServersRootCountsFromTheFirstRequest() {
    NettyRoutes routes = routes(List.of(), List.of(), 2);

    record(routes, connection, "", "/a", "/a", 200);
    record(routes, connection, "", "/b", "/b", 200);
    record(routes, connection, "", "/c", "/c", 200);

    assertThat(counts())
        .isEqualTo(
            "http_response_status_code=\"200\",http_route=\"/a\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"_OTHER\" 2");
  }

  @Test
  void onlyRequestsForTheAgentsReadPathsMayBeItsReads() {
    NettyRoutes routes = routes(List.of(), List.of(), 500);

    assertThat(routes.mayServeAgentReads("/actuator/health")).isTrue();
    assertThat(routes.mayServeAgentReads("http://localhost:8080/actuator/health?x")).isTrue();
    assertThat(routes.mayServeAgentReads("/hello/x")).isFalse();
  }

  @Test
  void theRawPathOfAUriHasNoQueryNorHost() {
    assertThat(NettyRoutes.path("/a/b")).isEqualTo("/a/b");
    assertThat(NettyRoutes.path("/a/b?c=/d")).isEqualTo("/a/b");
    assertThat(NettyRoutes.path("http://host:1/a?b")).isEqualTo("/a");
    assertThat(NettyRoutes.path("http://host:1")).isEqualTo("/");
    assertThat(NettyRoutes.path("*")).isEqualTo("*");
  }
}
