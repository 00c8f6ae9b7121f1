package io.github.statusexporter.jmxrules;

import io.github.statusexporter.config.jmxexporter.JmxRule;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;

/**
 * What one rule made of one MBean value: no match (the next rule is tried), the value dropped (no
 * later rule is tried, as in jmx_exporter), or a sample's name, type, help and labels, which do not
 * depend on the value unless the rule's pattern reads it.
 */
final class Outcome {
  static final Outcome NO_MATCH = new Outcome(null, null, null, null, null, 1, null);
  static final Outcome DROPPED = new Outcome(null, null, null, null, null, 1, null);

  /** The family name as exposed (client_java 1.3.1's sanitising applied). */
  final String name;

  final JmxRule.Type type;
  final String help;

  /** Null when jmx_exporter could not have made them (an invalid or repeated label name). */
  final Labels labels;

  /** The rule's {@code value}, or null for the attribute's own. */
  final Double value;

  final double valueFactor;

  /** The pattern input up to its value, whence the {@code _objectname} label of clashing series. */
  final String prefix;

  private MetricMetadata metadata;

  Outcome(
      String name,
      JmxRule.Type type,
      String help,
      Labels labels,
      Double value,
      double valueFactor,
      String prefix) {
    this.name = name;
    this.type = type;
    this.help = help;
    this.labels = labels;
    this.value = value;
    this.valueFactor = valueFactor;
    this.prefix = prefix;
  }

  /** The family's name and help, made once: client_java checks every name it is given. */
  MetricMetadata metadata() {
    if (metadata == null) {
      metadata = new MetricMetadata(name, help);
    }
    return metadata;
  }

  boolean isSample() {
    return this != NO_MATCH && this != DROPPED;
  }
}
