package io.github.statusexporter.instrumentation.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplatePathsTest {
  @Test
  void theClassPathAndTheMethodPathJoinWithOneSlash() {
    assertThat(TemplatePaths.join("/users", "/{id}")).isEqualTo("/users/{id}");
    assertThat(TemplatePaths.join("/users/", "/{id}")).isEqualTo("/users/{id}");
    assertThat(TemplatePaths.join("/users", "{id}")).isEqualTo("/users/{id}");
  }

  @Test
  void aSubResourceAddsItsMethodPathAfterItsLocatorsPaths() {
    assertThat(TemplatePaths.join("/users", "/{id}/orders", "", "/{order}"))
        .isEqualTo("/users/{id}/orders/{order}");
    assertThat(TemplatePaths.join("/users", "/{id}/orders", "/")).isEqualTo("/users/{id}/orders");
  }

  @Test
  void aTemplateKeepsWhatJerseyWroteOfItsVariables() {
    assertThat(TemplatePaths.join("/items", "/{id: [0-9]+}")).isEqualTo("/items/{id: [0-9]+}");
  }

  @Test
  void theRootResourceIsTheSlash() {
    assertThat(TemplatePaths.join("/")).isEqualTo("/");
    assertThat(TemplatePaths.join()).isEqualTo("/");
  }
}
