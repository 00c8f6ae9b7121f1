package io.github.statusexporter.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Grafana dashboard of docs/examples/grafana/, read as Grafana reads it: its panels' queries and
 * its template variables, and each query as Grafana would send it to Prometheus once the variables
 * are chosen.
 */
record GrafanaDashboard(Path file, JsonNode json) {
  static final Path DIRECTORY = PrometheusEndToEndIT.DOCS.resolve("examples/grafana");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*), *(\\w+)\\)");

  /** A query of a panel. */
  record Query(String panel, String refId, String expr) {}

  /** A {@code label_values(selector, label)} variable: the label's values of that selector. */
  record LabelValues(String variable, String selector, String label) {}

  static List<GrafanaDashboard> all() throws IOException {
    List<GrafanaDashboard> dashboards = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        dashboards.add(new GrafanaDashboard(file, JSON.readTree(file.toFile())));
      }
    }
    return dashboards;
  }

  String name() {
    return file.getFileName().toString();
  }

  /** The panels that draw something (rows only group them), collapsed rows' panels too. */
  List<JsonNode> panels() {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : json.path("panels")) {
      if (panel.path("type").asText().equals("row")) {
        panel.path("panels").forEach(panels::add);
      } else {
        panels.add(panel);
      }
    }
    return panels;
  }

  List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(
            new Query(
                panel.path("title").asText(),
                target.path("refId").asText(),
                target.path("expr").asText()));
      }
    }
    return queries;
  }

  List<JsonNode> variables() {
    List<JsonNode> variables = new ArrayList<>();
    json.path("templating").path("list").forEach(variables::add);
    return variables;
  }

  List<LabelValues> labelValues() {
    List<LabelValues> found = new ArrayList<>();
    for (JsonNode variable : variables()) {
      if (variable.path("type").asText().equals("query")) {
        String query = variable.path("query").path("query").asText();
        Matcher matcher = LABEL_VALUES.matcher(query);
        if (!matcher.matches()) {
          throw new AssertionError(name() + ": not label_values(selector, label): " + query);
        }
        found.add(
            new LabelValues(variable.path("name").asText(), matcher.group(1), matcher.group(2)));
      }
    }
    return found;
  }

  /**
   * {@code expr} as Grafana sends it with every value of every variable chosen ("All", whose regex
   * is {@code .*}), and {@code $__rate_interval} as Grafana makes it of a scrape interval of one
   * second: fails on a variable the dashboard does not define.
   */
  String substituted(String expr) {
    String result = expr.replace("$__rate_interval", "10s");
    List<String> names =
        variables().stream()
            .map(variable -> variable.path("name").asText())
            .sorted(Comparator.comparing(String::length).reversed())
            .toList();
    for (String name : names) {
      result = result.replace("${" + name + "}", ".*").replace("$" + name, ".*");
    }
    if (result.contains("$")) {
      throw new AssertionError(name() + ": a variable it does not define in " + expr);
    }
    return result;
  }
}
