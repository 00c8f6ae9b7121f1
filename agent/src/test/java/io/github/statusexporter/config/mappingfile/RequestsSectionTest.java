package io.github.statusexporter.config.mappingfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.statusexporter.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping file's {@code requests:} section: routes ignored, templates, the cap. */
class RequestsSectionTest {
  private static final String SOURCES =
      "sources:\n"
          + "  - url: http://localhost:8000/status\n"
          + "    metrics:\n"
          + "      - name: app_x\n"
          + "        field: x\n";

  @TempDir Path directory;

  private Path write(String yaml) throws Exception {
    Path file = directory.resolve("status-exporter.yml");
    Files.writeString(file, yaml);
    return file;
  }

  private RouteSettings load(String requests) throws Exception {
    return ConfigFile.loadAll(write(SOURCES + requests), Map.of(), Duration.ofSeconds(2), 10_000)
        .routes();
  }

  @Test
  void aFileWithoutTheSectionHasTheDefaults() throws Exception {
    RouteSettings routes = load("");

    assertThat(routes).isEqualTo(RouteSettings.DEFAULT);
    assertThat(routes.ignore()).isEmpty();
    assertThat(routes.templates()).isEmpty();
    assertThat(routes.maxRoutes()).isEqualTo(500);
  }

  @Test
  void aFileMayHaveTheSectionAndNoSources() throws Exception {
    MappingFile file =
        ConfigFile.loadAll(
            write("requests:\n  ignore: [/ping]\n"), Map.of(), Duration.ofSeconds(2), 10_000);

    assertThat(file.sources()).isEmpty();
    assertThat(file.routes().ignore()).containsExactly("/ping");
  }

  @Test
  void theSectionGivesRoutesToIgnoreTemplatesInOrderAndTheCap() throws Exception {
    RouteSettings routes =
        load(
            """
            requests:
              ignore: [/actuator/health, /ready]
              templates:
                - /api/orders/{id}/items
                - /api/orders/{id}
                - /files/{name}/
              max_routes: 50
            """);

    assertThat(routes.ignore()).containsExactly("/actuator/health", "/ready");
    assertThat(routes.templates())
        .containsExactly("/api/orders/{id}/items", "/api/orders/{id}", "/files/{name}/");
    assertThat(routes.maxRoutes()).isEqualTo(50);
  }

  @Test
  void theOptionsRoutesAddToTheFiles() throws Exception {
    RouteSettings routes = load("requests:\n  ignore: [/ready]\n").ignoring(List.of("/health"));

    assertThat(routes.ignore()).containsExactly("/ready", "/health");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "colour: blue | :7: requests.colour: is not a known key (known here: ignore, templates,"
            + " max_routes)",
        "ignore: /health | :7: requests.ignore: must be a list",
        "ignore: [health] | :7: requests.ignore: 'health' is not a route as the agent records it,"
            + " starting with /, such as /actuator/health",
        "templates: ['/orders/{id'] | :7: requests.templates: '/orders/{id' is not a path"
            + " template starting with /, of literal segments and {name} segments, such as"
            + " /api/orders/{id}",
        "templates: ['/orders//{id}'] | :7: requests.templates: '/orders//{id}' is not a path"
            + " template starting with /, of literal segments and {name} segments, such as"
            + " /api/orders/{id}",
        "templates: ['/a/{x}', '/a/{x}'] | :7: requests.templates: '/a/{x}' is given twice",
        "max_routes: 0 | :7: requests.max_routes: '0' is not a whole number of routes from 1 to"
            + " 100000, such as 500",
        "max_routes: lots | :7: requests.max_routes: 'lots' is not a whole number of routes from 1"
            + " to 100000, such as 500",
      })
  void badKeysAndValuesAreRejectedWithFileLineKeyAndExpectation(String entry, String message)
      throws Exception {
    Path file = write(SOURCES + "requests:\n  " + entry + "\n");

    assertThatThrownBy(() -> ConfigFile.loadAll(file, Map.of(), Duration.ofSeconds(2), 10_000))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + message);
  }
}
