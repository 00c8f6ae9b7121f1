package io.github.statusexporter.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServletRouteTest {
  @Test
  void theRouteLabelIsTheContextAndTheMappingPattern() {
    assertThat(ServletRoutes.label("/shop", "/items/*")).isEqualTo("/shop/items/*");
    assertThat(ServletRoutes.label("/shop", "/hello")).isEqualTo("/shop/hello");
    assertThat(ServletRoutes.label("/shop", "/")).isEqualTo("/shop/");
    assertThat(ServletRoutes.label("", "/")).isEqualTo("/");
    assertThat(ServletRoutes.label("/shop", "*.jsp")).isEqualTo("/shop/*.jsp");
    assertThat(ServletRoutes.label("/shop", "")).isEmpty();
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
