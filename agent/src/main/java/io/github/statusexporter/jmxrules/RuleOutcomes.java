package io.github.statusexporter.jmxrules;

import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import io.github.statusexporter.config.jmxexporter.JmxRule;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * One rule applied to one pattern input exactly as jmx_exporter 1.0.1's {@code recordBean} does:
 * match, {@code value}, then its name (or the default format), help and labels.
 */
final class RuleOutcomes {
  private final JmxExporterConfig config;

  RuleOutcomes(JmxExporterConfig config) {
    this.config = config;
  }

  /**
   * @param input the whole pattern input, {@code domain<properties><keys>attribute: value}
   * @throws RuleFailure when a replacement names a group the pattern does not have
   */
  Outcome apply(JmxRule rule, Leaf leaf, String input) {
    Matcher matcher = null;
    if (rule.pattern().isPresent()) {
      matcher = rule.pattern().get().matcher(input);
      if (!matcher.matches()) {
        return Outcome.NO_MATCH;
      }
    }
    Double value = null;
    if (rule.value().isPresent() && !rule.value().get().isEmpty()) {
      try {
        value = Double.valueOf(replace(matcher, rule.value().get(), "value"));
      } catch (NumberFormatException e) {
        return Outcome.DROPPED; // and no later rule, as in jmx_exporter
      }
    }
    String prefix = leaf.prefix(rule.attrNameSnakeCase());
    if (rule.name().isEmpty()) {
      return defaultFormat(rule, leaf, value, prefix);
    }
    String name = JmxNames.safeName(replace(matcher, rule.name().get(), "name"));
    if (name.isEmpty()) {
      return Outcome.DROPPED;
    }
    if (config.lowercaseOutputName()) {
      name = name.toLowerCase();
    }
    String help = rule.help().isPresent() ? replace(matcher, rule.help().get(), "help") : leaf.help;
    List<String> labelNames = new ArrayList<>();
    List<String> labelValues = new ArrayList<>();
    for (int i = 0; i < rule.labelNames().size(); i++) {
      String labelName = JmxNames.safeName(replace(matcher, rule.labelNames().get(i), "labels"));
      String labelValue = replace(matcher, rule.labelValues().get(i), "labels");
      if (config.lowercaseOutputLabelNames()) {
        labelName = labelName.toLowerCase();
      }
      if (!labelName.isEmpty() && !labelValue.isEmpty()) {
        labelNames.add(labelName);
        labelValues.add(labelValue);
      }
    }
    return outcome(name, rule, help, labelNames, labelValues, value, prefix);
  }

  /** {@code domain_firstPropertyValue_keys_attribute}, the other properties as labels. */
  private Outcome defaultFormat(JmxRule rule, Leaf leaf, Double value, String prefix) {
    StringBuilder name = new StringBuilder(leaf.domain);
    String first = leaf.firstPropertyValue();
    if (first != null) {
      name.append('_').append(first);
    }
    for (String key : leaf.attrKeys) {
      name.append('_').append(key);
    }
    name.append('_').append(leaf.attrName(rule.attrNameSnakeCase()));
    String fullName = JmxNames.safeName(name.toString());
    if (config.lowercaseOutputName()) {
      fullName = fullName.toLowerCase();
    }
    List<String> labelNames = new ArrayList<>();
    List<String> labelValues = new ArrayList<>();
    for (Map.Entry<String, String> property : leaf.labelProperties()) {
      String labelName = JmxNames.safeName(property.getKey());
      if (config.lowercaseOutputLabelNames()) {
        labelName = labelName.toLowerCase();
      }
      labelNames.add(labelName);
      labelValues.add(property.getValue());
    }
    return outcome(fullName, rule, leaf.help, labelNames, labelValues, value, prefix);
  }

  private static Outcome outcome(
      String name,
      JmxRule rule,
      String help,
      List<String> labelNames,
      List<String> labelValues,
      Double value,
      String prefix) {
    return new Outcome(
        JmxNames.sanitizeMetricName(name),
        rule.type(),
        help,
        labels(labelNames, labelValues),
        value,
        rule.valueFactor(),
        prefix);
  }

  /** Null when client_java 1.3.1 would have refused them, failing jmx_exporter's whole scrape. */
  private static Labels labels(List<String> names, List<String> values) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!JmxNames.isValidLabelName(name) || !seen.add(name)) {
        return null;
      }
    }
    return Labels.of(names, values);
  }

  private static String replace(Matcher matcher, String replacement, String key) {
    try {
      return matcher.replaceAll(replacement);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new RuleFailure(
          "rule "
              + key
              + " '"
              + replacement
              + "' cannot be applied to its pattern's match ("
              + e.getMessage()
              + ")");
    }
  }

  /** A replacement that jmx_exporter would have failed the scrape on; the value is left out. */
  static final class RuleFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RuleFailure(String message) {
      super(message, null, false, false);
    }
  }
}
