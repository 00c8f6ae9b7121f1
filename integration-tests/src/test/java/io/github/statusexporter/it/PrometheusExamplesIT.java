package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of docs/prometheus.md that a user copies: the scrape job (which {@link
 * PrometheusEndToEndIT} also runs) and the Kubernetes manifests. No cluster runs here, so the
 * manifests are checked offline: parsed, and their ports, path, labels and the agent's flags
 * checked against each other and against the agent's defaults. The rules and their PrometheusRule
 * are {@link PrometheusRulesIT}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusExamplesIT {
  /** The agent's defaults, as the README states them. */
  private static final int AGENT_PORT = 9877;

  private static final String METRICS_PATH = "/metrics";

  private static final Path DOCS = PrometheusEndToEndIT.DOCS;
  private static final Path KUBERNETES = DOCS.resolve("examples/kubernetes");

  private Map<String, Object> deployment;
  private Map<String, Object> service;
  private Map<String, Object> serviceMonitor;

  @BeforeAll
  void loadManifests() throws Exception {
    Map<String, Map<String, Object>> byKind = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(KUBERNETES)) {
      for (Path file : files.sorted().toList()) {
        for (Map<String, Object> manifest : Yaml.loadAll(file)) {
          assertThat(manifest).as(file.toString()).containsKeys("apiVersion", "kind", "metadata");
          byKind.put(apiVersionAndKind(manifest), manifest);
        }
      }
    }
    assertThat(byKind)
        .containsOnlyKeys(
            "apps/v1 Deployment",
            "v1 Service",
            "monitoring.coreos.com/v1 ServiceMonitor",
            "monitoring.coreos.com/v1 PrometheusRule");
    deployment = byKind.get("apps/v1 Deployment");
    service = byKind.get("v1 Service");
    serviceMonitor = byKind.get("monitoring.coreos.com/v1 ServiceMonitor");
  }

  private static String apiVersionAndKind(Map<String, Object> manifest) {
    return manifest.get("apiVersion") + " " + manifest.get("kind");
  }

  /**
   * The files the doc shows whole: not the rules (prometheus/rules/) nor their PrometheusRule, too
   * long to read in a doc, and checked by {@link PrometheusRulesIT}.
   */
  static List<Path> exampleFiles() throws IOException {
    List<Path> examples = new ArrayList<>();
    for (Path directory : List.of(DOCS.resolve("examples/prometheus"), KUBERNETES)) {
      try (Stream<Path> files = Files.list(directory)) {
        examples.addAll(
            files
                .filter(Files::isRegularFile)
                .filter(file -> !file.equals(PrometheusRulesIT.PROMETHEUS_RULE))
                .sorted()
                .toList());
      }
    }
    return examples;
  }

  @ParameterizedTest
  @MethodSource("exampleFiles")
  void theDocShowsTheExampleFileByteForByte(Path example) throws Exception {
    String doc = Files.readString(DOCS.resolve("prometheus.md"));

    assertThat(doc).contains("```yaml\n" + Files.readString(example) + "```\n");
  }

  @Test
  void theScrapeJobPassesPromtoolCheckConfig() throws Exception {
    assertThat(Promtool.checkConfig(PrometheusEndToEndIT.SCRAPE_EXAMPLE)).isEmpty();
  }

  @Test
  void theScrapeJobScrapesTheAgentsDefaultPortAndPathOverHttp() throws Exception {
    Map<String, Object> job =
        Yaml.map(
            Yaml.list(Yaml.load(PrometheusEndToEndIT.SCRAPE_EXAMPLE).get("scrape_configs")).get(0));
    Map<String, Object> staticConfig = Yaml.map(Yaml.list(job.get("static_configs")).get(0));

    assertThat(job.getOrDefault("metrics_path", METRICS_PATH)).isEqualTo(METRICS_PATH);
    assertThat(job.getOrDefault("scheme", "http")).isEqualTo("http");
    assertThat(Yaml.list(staticConfig.get("targets")))
        .isNotEmpty()
        .allMatch(target -> target.toString().endsWith(":" + AGENT_PORT));
  }

  @Test
  void theDeploymentExposesTheAgentsPortAndAnnotatesItsPath() {
    Map<String, Object> template = path(deployment, "spec", "template");
    Map<String, Object> annotations = path(template, "metadata", "annotations");

    assertThat(containerPort(container(), "metrics")).isEqualTo(AGENT_PORT);
    assertThat(annotations)
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", String.valueOf(AGENT_PORT))
        .containsEntry("prometheus.io/path", METRICS_PATH);
    assertThat(labels(template))
        .containsAllEntriesOf(path(deployment, "spec", "selector", "matchLabels"));
  }

  @Test
  void theDeploymentsAgentFlagReadsAStatusOnTheApplicationsOwnPort() {
    String flag = javaToolOptions();
    String arguments = flag.substring(flag.indexOf('=') + 1);

    assertThat(flag).startsWith("-javaagent:/").contains("status-exporter.jar=");
    assertThat(arguments).as("no port option: the default").doesNotContain("port=");
    assertThat(arguments).startsWith("source=http://localhost:");
    int statusPort =
        Integer.parseInt(arguments.replaceFirst("source=http://localhost:(\\d+)/.*", "$1"));
    assertThat(containerPort(container(), "http")).isEqualTo(statusPort);
  }

  @Test
  void theDeploymentsJavaToolOptionsStartTheAgent() throws Exception {
    String flag = javaToolOptions();
    String jar = flag.substring("-javaagent:".length(), flag.indexOf('='));
    int appPort = Http.freePort();
    int agentPort = Http.freePort();
    // Only the jar's place in the image changes, and a free port for the default 9877.
    String local = flag.replace(jar, JavaProcess.AGENT_JAR.toString()) + ",port=" + agentPort;

    try (JavaProcess app =
        JavaProcess.start(
            List.of("-jar", JavaProcess.DEMO_JAR.toString(), "--port", String.valueOf(appPort)),
            Map.of("JAVA_TOOL_OPTIONS", local))) {
      app.awaitStderr(
          line -> line.endsWith("status from http://localhost:8080/status"),
          Duration.ofSeconds(30));

      assertThat(Scrape.of(agentPort).hasFamily("status_exporter_source_up")).isTrue();
    }
  }

  @Test
  void theServiceAndServiceMonitorReachThePodsOnTheAgentsPort() {
    Map<String, Object> podLabels = labels(path(deployment, "spec", "template"));
    Map<String, Object> metricsPort = namedPort(Yaml.list(path(service, "spec").get("ports")));
    Map<String, Object> endpoint =
        Yaml.map(Yaml.list(path(serviceMonitor, "spec").get("endpoints")).get(0));

    assertThat(podLabels).containsAllEntriesOf(path(service, "spec", "selector"));
    assertThat(metricsPort).containsEntry("port", AGENT_PORT);
    assertThat(metricsPort.get("targetPort")).isIn("metrics", AGENT_PORT);
    assertThat(labels(service))
        .containsAllEntriesOf(path(serviceMonitor, "spec", "selector", "matchLabels"));
    assertThat(endpoint).containsEntry("port", "metrics").containsEntry("path", METRICS_PATH);
  }

  private Map<String, Object> container() {
    List<Object> containers =
        Yaml.list(path(deployment, "spec", "template", "spec").get("containers"));
    assertThat(containers).hasSize(1);
    return Yaml.map(containers.get(0));
  }

  private String javaToolOptions() {
    for (Object variable : Yaml.list(container().get("env"))) {
      if ("JAVA_TOOL_OPTIONS".equals(Yaml.map(variable).get("name"))) {
        return (String) Yaml.map(variable).get("value");
      }
    }
    throw new AssertionError("no JAVA_TOOL_OPTIONS in the Deployment's container");
  }

  private static Object containerPort(Map<String, Object> container, String name) {
    for (Object port : Yaml.list(container.get("ports"))) {
      if (name.equals(Yaml.map(port).get("name"))) {
        return Yaml.map(port).get("containerPort");
      }
    }
    throw new AssertionError("no container port named " + name + " in " + container);
  }

  private static Map<String, Object> namedPort(List<Object> ports) {
    return ports.stream()
        .map(Yaml::map)
        .filter(port -> "metrics".equals(port.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Service port named metrics: " + ports));
  }

  private static Map<String, Object> labels(Map<String, Object> resource) {
    return path(resource, "metadata", "labels");
  }

  private static Map<String, Object> path(Map<String, Object> node, String... keys) {
    Map<String, Object> current = node;
    for (String key : keys) {
      current = Yaml.map(current.get(key));
    }
    return current;
  }
}
