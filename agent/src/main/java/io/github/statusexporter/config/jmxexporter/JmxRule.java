package io.github.statusexporter.config.jmxexporter;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of jmx_exporter's {@code rules}, with its meaning in jmx_exporter 1.0.1: the pattern
 * must match the whole pattern input anywhere ({@code ^.*(?:pattern).*$}); name, help, labels and
 * value are {@link java.util.regex.Matcher#replaceAll} replacements ({@code $1}, {@code ${group}}).
 */
public final class JmxRule {
  /** The types jmx_exporter exports as such; any other (its default UNKNOWN too) is untyped. */
  public enum Type {
    COUNTER,
    GAUGE,
    UNKNOWN;

    /**
     * {@code COUNTER} and {@code GAUGE} exactly (case counts, as in jmx_exporter); else UNKNOWN.
     */
    static Type of(String text) {
      return "COUNTER".equals(text) ? COUNTER : "GAUGE".equals(text) ? GAUGE : UNKNOWN;
    }
  }

  private final String patternText;
  private final Pattern pattern;
  private final String name;
  private final String value;
  private final double valueFactor;
  private final List<String> labelNames;
  private final List<String> labelValues;
  private final String help;
  private final Type type;
  private final boolean attrNameSnakeCase;
  private final boolean cache;

  JmxRule(
      String patternText,
      String name,
      String value,
      double valueFactor,
      List<String> labelNames,
      List<String> labelValues,
      String help,
      Type type,
      boolean attrNameSnakeCase,
      boolean cache) {
    this.patternText = patternText;
    this.pattern = patternText == null ? null : Pattern.compile("^.*(?:" + patternText + ").*$");
    this.name = name;
    this.value = value;
    this.valueFactor = valueFactor;
    this.labelNames = List.copyOf(labelNames);
    this.labelValues = List.copyOf(labelValues);
    this.help = help;
    this.type = type;
    this.attrNameSnakeCase = attrNameSnakeCase;
    this.cache = cache;
  }

  /** The rule without pattern that jmx_exporter uses when the file has no {@code rules}. */
  static JmxRule matchingAll() {
    return new JmxRule(
        null, null, null, 1.0, List.of(), List.of(), null, Type.UNKNOWN, false, false);
  }

  /** The pattern as written in the file; empty for a rule that matches every attribute. */
  public Optional<String> patternText() {
    return Optional.ofNullable(patternText);
  }

  /** The pattern as jmx_exporter applies it, {@code ^.*(?:pattern).*$}; empty for none. */
  public Optional<Pattern> pattern() {
    return Optional.ofNullable(pattern);
  }

  /** The metric name replacement; empty for jmx_exporter's default format. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The value replacement ({@code value: 1}, {@code value: $1}); empty for the attribute's own. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  public double valueFactor() {
    return valueFactor;
  }

  /** Label name replacements, sorted by their text as jmx_exporter sorts them. */
  public List<String> labelNames() {
    return labelNames;
  }

  /** The value replacement of each label of {@link #labelNames()}, in the same order. */
  public List<String> labelValues() {
    return labelValues;
  }

  /** The help replacement; empty for jmx_exporter's automatic help. */
  public Optional<String> help() {
    return Optional.ofNullable(help);
  }

  public Type type() {
    return type;
  }

  /** Whether the attribute name is matched (and named) in snake_case. */
  public boolean attrNameSnakeCase() {
    return attrNameSnakeCase;
  }

  /**
   * jmx_exporter's {@code cache: true}: the value is left out of the pattern input ({@code
   * <cache>}), so the match of an attribute is decided once.
   */
  public boolean cache() {
    return cache;
  }
}
