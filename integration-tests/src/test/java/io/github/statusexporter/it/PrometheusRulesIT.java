package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The recording rules and alerts of docs/examples/prometheus/rules/ as a user loads them: promtool
 * accepts them and their unit tests pass; every alert is tested firing and not firing, and says
 * what it means and what to do; the Prometheus Operator's PrometheusRule holds the same groups.
 * {@link DashboardsIT} evaluates them in a Prometheus that scrapes agents.
 */
class PrometheusRulesIT {
  static final Path RULES_DIRECTORY =
      PrometheusEndToEndIT.DOCS.resolve("examples/prometheus/rules");
  static final Path RULES = RULES_DIRECTORY.resolve("status-exporter.rules.yml");
  static final Path RULE_TESTS = RULES_DIRECTORY.resolve("status-exporter.rules.test.yml");
  static final Path PROMETHEUS_RULE =
      PrometheusEndToEndIT.DOCS.resolve("examples/kubernetes/prometheusrule.yaml");

  /** Every rule of every group, recording rules and alerts, as maps. */
  static List<Map<String, Object>> rules() throws IOException {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Object group : Yaml.list(Yaml.load(RULES).get("groups"))) {
      for (Object rule : Yaml.list(Yaml.map(group).get("rules"))) {
        rules.add(Yaml.map(rule));
      }
    }
    return rules;
  }

  static List<Map<String, Object>> alerts() throws IOException {
    return rules().stream().filter(rule -> rule.containsKey("alert")).toList();
  }

  @Test
  void theRulesPassPromtoolCheckRules() throws Exception {
    assertThat(Promtool.checkRules(RULES)).isEmpty();
  }

  @Test
  void theRulesPassTheirUnitTests() throws Exception {
    assertThat(Promtool.testRules(RULE_TESTS)).isEmpty();
  }

  @Test
  void everyAlertIsTestedFiringAndNotFiring() throws Exception {
    Set<String> firing = new TreeSet<>();
    Set<String> notFiring = new TreeSet<>();
    for (Object test : Yaml.list(Yaml.load(RULE_TESTS).get("tests"))) {
      for (Object alertTest : Yaml.list(Yaml.map(test).get("alert_rule_test"))) {
        Map<String, Object> check = Yaml.map(alertTest);
        Object expected = check.get("exp_alerts");
        boolean fires = expected != null && !Yaml.list(expected).isEmpty();
        (fires ? firing : notFiring).add((String) check.get("alertname"));
      }
    }
    Set<String> alerts =
        alerts().stream()
            .map(alert -> (String) alert.get("alert"))
            .collect(Collectors.toCollection(TreeSet::new));

    // A firing test lists every alert it expects, so its other series are tested quiet too; the
    // tests that expect none are those before an alert's 'for:' has passed or its trouble began.
    // Equal sets: an alert name misspelt in a test would otherwise pass as "not firing".
    assertThat(firing).as("alerts tested firing").isEqualTo(alerts);
    assertThat(notFiring).as("alerts tested not firing").isEqualTo(alerts);
  }

  @Test
  void everyAlertHasASeverityASummaryADescriptionAndARunbook() throws Exception {
    assertThat(alerts()).hasSizeGreaterThanOrEqualTo(10);
    for (Map<String, Object> alert : alerts()) {
      assertThat(Yaml.map(alert.get("labels")))
          .as(alert.get("alert") + " labels")
          .containsKey("severity");
      assertThat(Yaml.map(alert.get("labels")).get("severity"))
          .as(alert.get("alert") + " severity")
          .isIn("critical", "warning", "info");
      assertThat(Yaml.map(alert.get("annotations")))
          .as(alert.get("alert") + " annotations")
          .containsOnlyKeys("summary", "description", "runbook");
    }
  }

  /**
   * The PrometheusRule is the rule file's groups under its spec, byte for byte: a rule changed in
   * one and not the other fails here. To make it again, keep its lines up to {@code spec:} and
   * append {@code sed -n '/^groups:/,$p' status-exporter.rules.yml | sed 's/^\(.\)/ \1/'}.
   */
  @Test
  void thePrometheusRuleHoldsTheRuleFilesGroupsUnderItsSpec() throws Exception {
    String rules = Files.readString(RULES);
    String groups = rules.substring(rules.indexOf("\ngroups:\n") + 1);
    String indented = groups.replaceAll("(?m)^(?=.)", "  ");
    String manifest = Files.readString(PROMETHEUS_RULE);
    String spec = manifest.substring(manifest.indexOf("\nspec:\n") + "\nspec:\n".length());

    assertThat(spec).isEqualTo(indented);
    Map<String, Object> prometheusRule = Yaml.load(PROMETHEUS_RULE);
    assertThat(prometheusRule)
        .containsEntry("apiVersion", "monitoring.coreos.com/v1")
        .containsEntry("kind", "PrometheusRule");
    assertThat(Yaml.map(prometheusRule.get("spec")).get("groups"))
        .isEqualTo(Yaml.load(RULES).get("groups"));
  }
}
