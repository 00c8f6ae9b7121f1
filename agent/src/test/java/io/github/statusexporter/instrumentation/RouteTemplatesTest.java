package io.github.statusexporter.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // "Aa" and "BB" have the same String.hashCode: the characters decide
        "/x/Aa | 0",
        "/x/BB | 1",
        "/x/Ab | -1",
        "/x/CC | -1",
      })
  void literalsOfEqualHashAreToldApart(String path, int index) {
    assertThat(new RouteTemplates(List.of("/x/Aa", "/x/BB")).match(path)).isEqualTo(index);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // templates of one shape share a literal, "api", compared once: the first that fits wins
        "/api/users/7 | 1",
        "/api/orders/7 | 0",
        "/api/x/7 | 2",
        "/api/x/ | -1",
        "/api// | -1",
        "/api//7 | -1",
        "/web/orders/7 | -1",
        // an empty literal segment matches an empty segment only
        "/a//b | 3",
        "/a/x/b | -1",
      })
  void templatesOfOneShapeAreTriedTogetherInTheUsersOrder(String path, int index) {
    RouteTemplates templates =
        new RouteTemplates(
            List.of("/api/orders/{id}", "/api/users/{id}", "/api/{kind}/{id}", "/a//b"));
    assertThat(templates.match(path)).isEqualTo(index);
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "63, 63", "64, 64", "99, 99", "149, 149"})
  void moreTemplatesOfOneShapeThanALongHasBitsStillMatchTheFirst(int resource, int index) {
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      written.add("/api/resource" + i + "/{id}");
    }
    written.add("/api/{any}/{id}");
    RouteTemplates templates = new RouteTemplates(written);
    assertThat(templates.match("/api/resource" + resource + "/7")).isEqualTo(index);
    assertThat(templates.match("/api/other/7")).isEqualTo(150);
    assertThat(templates.match("/api/other/")).isEqualTo(-1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "// | 1", "/ | 0", "/a/ | 2", "/a | -1",
      })
  void theRootAndTrailingSlashesAreShapesOfTheirOwn(String path, int index) {
    assertThat(new RouteTemplates(List.of("/", "//", "/{x}/")).match(path)).isEqualTo(index);
  }
}
