package io.github.statusexporter.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTemplatesTest {
  private static final RouteTemplates TEMPLATES =
      new RouteTemplates(
          List.of(
              "/api/orders/{id}/items",
              "/api/orders/{id}",
              "/api/{kind}/{id}",
              "/files/{name}/",
              "/"));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // raw path | index of the template matched, -1 for none
        "/api/orders/42 | 1",
        "/api/orders/42/items | 0",
        "/api/users/7 | 2",
        "/api/orders/%2F | 1",
        "/api/orders/a;jsessionid=x | 1",
        "/files/report.pdf/ | 3",
        "/ | 4",
        "/api/orders/ | -1",
        "/api/orders | -1",
        "/api/orders//items | -1",
        "/api/orders/42/ | -1",
        "/api/orders/42/items/9 | -1",
        "/files/report.pdf | -1",
        "/Api/orders/42 | -1",
        "/other | -1",
        "'' | -1",
        "* | -1",
      })
  void aPathMatchesTheFirstTemplateWithItsSegments(String path, int index) {
    assertThat(TEMPLATES.match(path)).isEqualTo(index);
  }

  @ParameterizedTest
  @CsvSource({"/api/orders/42", "/"})
  void noTemplatesMatchNothing(String path) {
    assertThat(new RouteTemplates(List.of()).match(path)).isEqualTo(-1);
    assertThat(new RouteTemplates(List.of()).isEmpty()).isTrue();
  }
}
