package io.github.statusexporter.instrumentation.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.HistogramBuckets;
import io.github.statusexporter.config.RouteSettings;
import io.github.statusexporter.instrumentation.Exposition;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RouteRecorder;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VertxRoutesTest {
  private static final int GET = RouteRecorder.method("GET");

  private final PrometheusRegistry registry = new PrometheusRegistry();

  private VertxRoutes routes(List<String> templates, int maxRoutes) {
    RequestMetrics metrics =
        new RequestMetrics(
            PrometheusProperties.builder().build(),
            HistogramBuckets.CLASSIC,
            new RouteSettings(List.of(), templates, maxRoutes));
    metrics.register(registry);
    return new VertxRoutes(metrics, List.of("/health"));
  }

  /** One request, begun and ended, taken by a route of this template if not null. */
  private static void record(VertxRoutes routes, String template, String path, int status) {
    routes.begun(false, GET);
    String userPath = template == null && routes.hasUserTemplates() ? path : null;
    routes.recorder(false, template, userPath).finished(GET, status, System.nanoTime());
  }

  private String counts() {
    return Exposition.lines(registry, "http_server_request_duration_seconds_count")
        .replace("http_server_request_duration_seconds_count{http_request_method=\"GET\",", "")
        .replace(",url_scheme=\"http\"}", "");
  }

  @Test
  void aRoutesTemplateNamesItsRequestsAndARequestNoRouteTookIsTheServersRoot() {
    VertxRoutes routes = routes(List.of(), 500);

    record(routes, "/hello/:name", "/hello/a", 200);
    record(routes, "/hello/:name", "/hello/b", 200);
    record(routes, null, "/elsewhere", 404);
    record(routes, null, "/x", -1); // the connection closed before any answer

    assertThat(counts())
        .isEqualTo(
            "http_response_status_code=\"\",http_route=\"/\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"/hello/:name\" 2\n"
                + "http_response_status_code=\"404\",http_route=\"/\" 1");
    assertThat(Exposition.lines(registry, "http_server_active_requests"))
        .isEqualTo(
            "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"} 0.0");
  }

  @Test
  void userTemplatesNameWhatNoRouteNamed() {
    VertxRoutes routes = routes(List.of("/orders/{id}"), 500);

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
    VertxRoutes routes = routes(List.of(), 3);

    record(routes, "/a/:x", "/a/1", 200);
    record(routes, "/b/:x", "/b/1", 200);
    record(routes, "/c/:x", "/c/1", 200);

    assertThat(counts())
        .isEqualTo(
            "http_response_status_code=\"200\",http_route=\"/a/:x\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"/b/:x\" 1\n"
                + "http_response_status_code=\"200\",http_route=\"_OTHER\" 1");
  }

  @Test
  void anyUriThatContainsAnAgentReadPathMayBeItsRead() {
    VertxRoutes routes = routes(List.of(), 500);

    assertThat(routes.mayServeAgentReads("/health")).isTrue();
    assertThat(routes.mayServeAgentReads("http://localhost:8080/health?x=1")).isTrue();
    assertThat(routes.mayServeAgentReads("/hello/bob")).isFalse();
  }

  @Test
  void aRoutesTemplateIsItsMountPointAndPathAsVertxWritesThem() {
    RouteTemplates templates = new RouteTemplates();
    Object hello = new Object();
    Object users = new Object();
    Object mount = new Object();
    Object files = new Object();
    Object filter = new Object();

    assertThat(templates.template(null, hello, "/hello/:name", true, null))
        .isEqualTo("/hello/:name");
    assertThat(templates.template("/api", users, "/users/:id", true, null))
        .isEqualTo("/api/users/:id");
    assertThat(templates.template("/api/", users, "/users/:id", true, null))
        .isEqualTo("/api/users/:id");
    // router.route("/api/*"): Vert.x keeps "/api/" and a flag.
    assertThat(templates.template(null, mount, "/api/", false, null)).isEqualTo("/api/*");
    assertThat(templates.template(null, files, null, true, Pattern.compile("/files/([0-9]+)")))
        .isEqualTo("/files/([0-9]+)");
    assertThat(templates.template(null, filter, null, false, null)).isNull();
  }

  @Test
  void aRoutesTemplateIsJoinedOnceAndKept() {
    RouteTemplates templates = new RouteTemplates();
    Object users = new Object();

    String first = templates.template("/api", users, "/users/:id", true, null);

    assertThat(templates.template("/api", users, "/users/:id", true, null)).isSameAs(first);
    // The same router mounted elsewhere too.
    assertThat(templates.template("/v2", users, "/users/:id", true, null))
        .isEqualTo("/v2/users/:id");
  }

  @Test
  void aConnectionsSlotsAreReusedAndEachRequestEndsOnce() {
    ConnectionRequests requests = new ConnectionRequests();
    Object first = new Object();
    Object second = new Object();
    Object third = new Object();

    ConnectionRequests.Request one = requests.begin(first, GET, false, 1);
    ConnectionRequests.Request two = requests.begin(second, GET, true, 2); // an HTTP/2 stream
    one.template("/hello/:name");

    assertThat(requests.find(first)).isSameAs(one);
    assertThat(requests.find(second)).isSameAs(two).isNotSameAs(one);
    assertThat(one.end(first)).isTrue();
    assertThat(one.end(first)).isFalse(); // its connection failed as its response completed
    assertThat(requests.find(first)).isNull();
    assertThat(requests.begin(third, GET, false, 3)).isSameAs(one);
    assertThat(one.template()).isNull();
    assertThat(two.https()).isTrue();
  }
}
