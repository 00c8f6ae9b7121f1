package io.github.statusexporter.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.mappingfile.RouteSettings;
import io.github.statusexporter.config.options.HistogramBuckets;
import io.github.statusexporter.instrumentation.Exposition;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RouteRecorder;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServletRouteTest {
  private static final int GET = RouteRecorder.method("GET");

  private final PrometheusRegistry registry = new PrometheusRegistry();

  private RequestMetrics metrics(int maxRoutes) {
    RequestMetrics metrics =
        new RequestMetrics(
            HistogramBuckets.CLASSIC, new RouteSettings(List.of(), List.of(), maxRoutes));
    metrics.register(registry);
    return metrics;
  }

  private static void record(RouteRecorder recorder) {
    recorder.finished(GET, 200, recorder.started(GET));
  }

  private String counts() {
    return Exposition.lines(registry, "http_server_request_duration_seconds_count")
        .replace("http_server_request_duration_seconds_count{http_request_method=\"GET\",", "")
        .replace("http_response_status_code=\"200\",", "")
        .replace(",url_scheme=\"http\"}", "");
  }

  @Test
  void aFrameworkTemplateTakesPrecedenceOverTheMappingUnderTheContextPath() {
    ServletRoute dispatcher = new ServletRoute(metrics(500), "/shop", "/", false, List.of());

    record(dispatcher.recorder("/hello/{name}"));
    record(dispatcher.recorder("/hello/{name}"));
    record(dispatcher.recorder(null));
    record(dispatcher.recorder(ServletApi.NO_TEMPLATE));

    assertThat(counts()).isEqualTo("http_route=\"/shop/\" 2\nhttp_route=\"/shop/hello/{name}\" 2");
  }

  @Test
  void aFrameworkTemplateBehindAPrefixMappedServletFollowsTheContextAndServletPaths() {
    RequestMetrics metrics = metrics(500);
    ServletRoute jersey = new ServletRoute(metrics, "/shop", "/api/*", false, List.of());
    ServletRoute everything = new ServletRoute(metrics, "/shop", "/*", false, List.of());

    record(jersey.recorder("/users/{id}"));
    record(jersey.recorder(null));
    record(everything.recorder("/users/{id}"));

    assertThat(counts())
        .isEqualTo(
            "http_route=\"/shop/api/*\" 1\n"
                + "http_route=\"/shop/api/users/{id}\" 1\n"
                + "http_route=\"/shop/users/{id}\" 1");
  }

  @Test
  void onlyAPrefixMappingHasAServletPathBeforeTheFrameworksTemplates() {
    assertThat(ServletRoute.servletPath("/api/*")).isEqualTo("/api");
    assertThat(ServletRoute.servletPath("/api/v1/*")).isEqualTo("/api/v1");
    assertThat(ServletRoute.servletPath("/*")).isEmpty();
    assertThat(ServletRoute.servletPath("/")).isEmpty();
    assertThat(ServletRoute.servletPath("/exact")).isEmpty();
    assertThat(ServletRoute.servletPath("*.do")).isEmpty();
  }

  @Test
  void userTemplatesNameRequestsNoFrameworkTemplateNamedAndIgnoredRoutesHaveNoSeries() {
    RequestMetrics metrics =
        new RequestMetrics(
            HistogramBuckets.CLASSIC,
            new RouteSettings(
                List.of("/shop/ping", "/shop/hello/{name}"),
                List.of("/shop/orders/{id}", "/shop/ping"),
                500));
    metrics.register(registry);
    ServletRoute all = new ServletRoute(metrics, "/shop", "/*", false, List.of());

    assertThat(all.hasUserTemplates()).isTrue();
    record(all.recorder(null, "/shop/orders/1"));
    record(all.recorder(null, "/shop/orders/2"));
    record(all.recorder(ServletApi.NO_TEMPLATE, "/shop/orders/3"));
    record(all.recorder(null, "/shop/other"));
    record(all.recorder("/hello/{name}", "/shop/hello/x"));
    // Ignoring matches the recorded route: a path under /* is ignored once a template names it.
    record(all.recorder(null, "/shop/ping"));
    record(all.recorder("/orders/{x}", "/shop/orders/4"));

    assertThat(counts())
        .isEqualTo(
            "http_route=\"/shop/*\" 1\n"
                + "http_route=\"/shop/orders/{id}\" 3\n"
                + "http_route=\"/shop/orders/{x}\" 1");
  }

  @Test
  void aTemplateIsLookedUpNotMadeAgain() {
    ServletRoute dispatcher = new ServletRoute(metrics(500), "", "/", false, List.of());

    RouteRecorder first = dispatcher.recorder("/orders/{id}");

    assertThat(dispatcher.recorder(new StringBuilder("/orders/{id}").toString())).isSameAs(first);
  }

  @Test
  void templatesPastTheCapFoldIntoOneRouteAndAreCounted() {
    ServletRoute dispatcher = new ServletRoute(metrics(3), "", "/", false, List.of());

    for (int i = 0; i < 10; i++) {
      record(dispatcher.recorder("/t" + i + "/{id}"));
      record(dispatcher.recorder("/t" + i + "/{id}"));
    }
    record(dispatcher.recorder(null));

    assertThat(counts())
        .isEqualTo(
            "http_route=\"/\" 1\n"
                + "http_route=\"/t0/{id}\" 2\n"
                + "http_route=\"/t1/{id}\" 2\n"
                + "http_route=\"_OTHER\" 16");
    assertThat(Exposition.lines(registry, "status_exporter_routes_folded_total"))
        .isEqualTo("status_exporter_routes_folded_total 16.0");
  }

  @Test
  void theCapCountsRoutesOfEverySourceOnceWhateverTheScheme() {
    RequestMetrics metrics = metrics(2);
    ServletRoute http = new ServletRoute(metrics, "/shop", "/api/*", false, List.of());
    ServletRoute https = new ServletRoute(metrics, "/shop", "/api/*", true, List.of());

    assertThat(https.recorder("/x")).isNotSameAs(metrics.folded(true));
    assertThat(http.recorder("/x")).isNotSameAs(metrics.folded(false));
    assertThat(metrics.route("/jdk-context", false)).isSameAs(metrics.folded(false));
    assertThat(http.recorder("/y")).isSameAs(metrics.folded(false));
    assertThat(https.recorder("/y")).isSameAs(metrics.folded(true));
  }

  @Test
  void theRouteLabelIsTheContextAndTheMappingPattern() {
    assertThat(ServletRoutes.label("/shop", "/items/*")).isEqualTo("/shop/items/*");
    assertThat(ServletRoutes.label("/shop", "/hello")).isEqualTo("/shop/hello");
    assertThat(ServletRoutes.label("/shop", "/")).isEqualTo("/shop/");
    assertThat(ServletRoutes.label("", "/")).isEqualTo("/");
    assertThat(ServletRoutes.label("/shop", "*.jsp")).isEqualTo("/shop/*.jsp");
    assertThat(ServletRoutes.label("/shop", "")).isEqualTo("/shop");
    assertThat(ServletRoutes.label("", "")).isEmpty();
  }

  @Test
  void aRouteMayServeThePathsItsPatternMatchesInItsContext() {
    assertThat(ServletRoute.serves("/shop", "/status", "/shop/status")).isTrue();
    assertThat(ServletRoute.serves("/shop", "/status", "/shop/status/x")).isFalse();
    assertThat(ServletRoute.serves("/shop", "/status", "/other/status")).isFalse();
    assertThat(ServletRoute.serves("/shop", "/api/*", "/shop/api")).isTrue();
    assertThat(ServletRoute.serves("/shop", "/api/*", "/shop/api/health")).isTrue();
    assertThat(ServletRoute.serves("/shop", "/api/*", "/shop/apis")).isFalse();
    assertThat(ServletRoute.serves("/shop", "*.json", "/shop/a/status.json")).isTrue();
    assertThat(ServletRoute.serves("/shop", "*.json", "/shop/status")).isFalse();
    assertThat(ServletRoute.serves("", "/", "/anything")).isTrue();
  }
}
