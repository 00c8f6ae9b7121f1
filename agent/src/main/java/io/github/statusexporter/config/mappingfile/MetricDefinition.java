package io.github.statusexporter.config.mappingfile;

import java.util.List;
import java.util.Map;

/**
 * One metric of a mapping file, validated: its name is a valid metric name without the {@code
 * _total} or {@code _info} suffix the exposition adds, its paths parse, its labels are valid.
 */
public final class MetricDefinition {
  private final String name;
  private final MetricType type;
  private final String help;
  private final String unit;
  private final String field;
  private final String each;
  private final String keyLabel;
  private final Map<String, String> labels;
  private final Map<String, String> labelFields;
  private final Map<String, Double> values;
  private final double scale;
  private final List<String> states;

  MetricDefinition(
      String name,
      MetricType type,
      String help,
      String unit,
      String field,
      String each,
      String keyLabel,
      Map<String, String> labels,
      Map<String, String> labelFields,
      Map<String, Double> values,
      double scale,
      List<String> states) {
    this.name = name;
    this.type = type;
    this.help = help;
    this.unit = unit;
    this.field = field;
    this.each = each;
    this.keyLabel = keyLabel;
    this.labels = Map.copyOf(labels);
    this.labelFields = Map.copyOf(labelFields);
    this.values = Map.copyOf(values);
    this.scale = scale;
    this.states = List.copyOf(states);
  }

  /** A gauge of one numeric field. */
  public static MetricDefinition gauge(String name, String help, String field) {
    return ofField(name, MetricType.GAUGE, help, field, List.of());
  }

  /** A state set of one string field. */
  public static MetricDefinition stateSet(
      String name, String help, String field, List<String> states) {
    return ofField(name, MetricType.STATESET, help, field, states);
  }

  private static MetricDefinition ofField(
      String name, MetricType type, String help, String field, List<String> states) {
    return new MetricDefinition(
        name, type, help, null, field, null, null, Map.of(), Map.of(), Map.of(), 1.0, states);
  }

  /** The family's name, without {@code _total} (counters) or {@code _info} (info). */
  public String name() {
    return name;
  }

  /**
   * The name as the exposition writes it: with {@code _total} or {@code _info} where it adds one.
   */
  public String exposedName() {
    switch (type) {
      case COUNTER:
        return name + "_total";
      case INFO:
        return name + "_info";
      default:
        return name;
    }
  }

  public MetricType type() {
    return type;
  }

  public String help() {
    return help;
  }

  /** The unit, such as {@code seconds}; null when none was given. */
  public String unit() {
    return unit;
  }

  /** The path of the value; null for info metrics, whose value is always 1. */
  public String field() {
    return field;
  }

  /**
   * The path of an object or array whose entries each become a series; null for a single series.
   * With it, {@link #field()} and the label fields are paths inside each entry.
   */
  public String each() {
    return each;
  }

  /** The label that holds the entry's key or index, with {@link #each()}; null for none. */
  public String keyLabel() {
    return keyLabel;
  }

  /** Labels with fixed values. */
  public Map<String, String> labels() {
    return labels;
  }

  /** Labels whose values are read from fields: label name → path. */
  public Map<String, String> labelFields() {
    return labelFields;
  }

  /** Numbers for string values, such as UP → 1, DOWN → 0; empty when strings are not mapped. */
  public Map<String, Double> values() {
    return values;
  }

  /** A factor every value is multiplied with, such as 0.001 for milliseconds to seconds. */
  public double scale() {
    return scale;
  }

  /** The states of a state set. */
  public List<String> states() {
    return states;
  }
}
