package io.github.statusexporter.mapping;

import io.github.statusexporter.source.FieldPath;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a derived metric gets: snake_case, and clean for {@code promtool check metrics}, whose
 * rules (Prometheus' promlint) are mirrored here so that a name it would warn about is never made.
 */
final class DerivedNames {
  /**
   * Suffixes of counters and histograms: a gauge that would end in one gets {@code _current} after
   * it ({@code consumer_count} → {@code consumer_count_current}), as client_java's {@code
   * jvm_threads_current}.
   */
  private static final List<String> NOT_FOR_GAUGES = List.of("_total", "_count", "_sum", "_bucket");

  static final String GAUGE_SUFFIX = "_current";

  /** promlint's abbreviated units, which it warns about as words of a name. */
  private static final Set<String> ABBREVIATED_UNITS =
      Set.of("s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb", "tb", "pb", "m", "h", "d");

  /** promlint's units, to their base unit: a word with another unit than its base is warned of. */
  private static final Map<String, String> UNITS =
      Map.ofEntries(
          Map.entry("amperes", "amperes"),
          Map.entry("bytes", "bytes"),
          Map.entry("celsius", "celsius"),
          Map.entry("grams", "grams"),
          Map.entry("joules", "joules"),
          Map.entry("kelvin", "kelvin"),
          Map.entry("meters", "meters"),
          Map.entry("metres", "metres"),
          Map.entry("seconds", "seconds"),
          Map.entry("volts", "volts"),
          Map.entry("minutes", "seconds"),
          Map.entry("hours", "seconds"),
          Map.entry("days", "seconds"),
          Map.entry("weeks", "seconds"),
          Map.entry("kelvins", "kelvin"),
          Map.entry("fahrenheit", "celsius"),
          Map.entry("rankine", "celsius"),
          Map.entry("inches", "meters"),
          Map.entry("yards", "meters"),
          Map.entry("miles", "meters"),
          Map.entry("bits", "bytes"),
          Map.entry("calories", "joules"),
          Map.entry("pounds", "grams"),
          Map.entry("ounces", "grams"));

  /** The metric types promlint warns of in a name, whatever the metric's own type. */
  private static final List<String> TYPES =
      List.of("counter", "gauge", "summary", "histogram", "gauge_histogram");

  private static final List<String> UNIT_PREFIXES =
      List.of(
          "pico", "nano", "micro", "milli", "centi", "deci", "deca", "hecto", "kilo", "kibi",
          "mega", "mibi", "giga", "gibi", "tera", "tebi", "peta", "pebi");

  private DerivedNames() {}

  /**
   * A field's name as a part of a metric or label name: snake_case, any other character as {@code
   * _}, no leading, trailing or doubled {@code _}; empty when nothing is left.
   */
  static String part(String field) {
    String snake = FieldPath.snakeCase(field);
    StringBuilder part = new StringBuilder(snake.length());
    for (int i = 0; i < snake.length(); i++) {
      char c = snake.charAt(i);
      boolean valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (valid) {
        part.append(c);
      } else if (part.length() > 0 && part.charAt(part.length() - 1) != '_') {
        part.append('_');
      }
    }
    int end = part.length();
    while (end > 0 && part.charAt(end - 1) == '_') {
      end--;
    }
    return part.substring(0, end);
  }

  /** The name of a gauge (or state set): never with a counter's or a histogram's suffix. */
  static String gauge(String name) {
    for (String suffix : NOT_FOR_GAUGES) {
      if (name.endsWith(suffix)) {
        return name + GAUGE_SUFFIX;
      }
    }
    return name;
  }

  /** The name of a counter without its {@code _total}, which the exposition adds once. */
  static String counter(String name) {
    String base = name;
    while (base.endsWith("_total")) {
      base = base.substring(0, base.length() - "_total".length());
    }
    return base;
  }

  /**
   * Whether promtool would take this family name, as the text format writes it, without a warning:
   * no metric type (of any type, as promlint checks), no abbreviated unit, no unit other than a
   * base unit.
   */
  static boolean clean(String exposedName) {
    for (String type : TYPES) {
      if (exposedName.contains("_" + type + "_") || exposedName.endsWith("_" + type)) {
        return false;
      }
    }
    for (String word : exposedName.split("_")) {
      if (ABBREVIATED_UNITS.contains(word)) {
        return false;
      }
    }
    for (String word : exposedName.split("_")) {
      String unit = unit(word);
      if (unit != null) {
        // promlint judges the first word that is a unit, and only that one.
        return UNITS.get(unit).equals(word);
      }
    }
    return true;
  }

  /** The unit a word is, with or without a prefix such as milli; null for none. */
  private static String unit(String word) {
    if (UNITS.containsKey(word)) {
      return word;
    }
    for (String prefix : UNIT_PREFIXES) {
      if (word.startsWith(prefix) && UNITS.containsKey(word.substring(prefix.length()))) {
        return word.substring(prefix.length());
      }
    }
    return null;
  }
}
