package io.github.statusexporter.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A scrape in the Prometheus text format (0.0.4) parsed into families: each {@code # TYPE} line
 * opens one, its {@code # HELP} (before or after it) and the sample lines until the next family are
 * its own. Label values and help are unescaped, so that two outputs compare by what Prometheus
 * reads rather than by how each writer formats it; sample values are parsed as numbers ({@code 1}
 * and {@code 1.0} are the same value).
 */
final class ExpositionText {

  /** One family: its name as in its {@code # TYPE} line, its type, help and series. */
  record Family(String name, String type, String help, Map<String, Double> series) {}

  private final Map<String, Family> families;

  private ExpositionText(Map<String, Family> families) {
    this.families = Collections.unmodifiableMap(families);
  }

  Map<String, Family> families() {
    return families;
  }

  Family family(String name) {
    return families.get(name);
  }

  /** The value of a series written as {@link #seriesKey}, in whichever family, or null. */
  Double value(String series) {
    for (Family family : families.values()) {
      Double value = family.series().get(series);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** The families whose name {@code keep} accepts. */
  ExpositionText filtered(Predicate<String> keep) {
    Map<String, Family> kept = new TreeMap<>();
    families.forEach(
        (name, family) -> {
          if (keep.test(name)) {
            kept.put(name, family);
          }
        });
    return new ExpositionText(kept);
  }

  static ExpositionText parse(String text) {
    Map<String, Family> families = new TreeMap<>();
    Map<String, String> helps = new LinkedHashMap<>();
    String current = null;
    String currentType = null;
    Map<String, Double> currentSeries = null;
    List<String> lines = List.of(text.split("\n"));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("# HELP ")) {
        String rest = line.substring("# HELP ".length());
        int space = rest.indexOf(' ');
        String name = space < 0 ? rest : rest.substring(0, space);
        helps.put(name, space < 0 ? "" : unescapeHelp(rest.substring(space + 1)));
      } else if (line.startsWith("# TYPE ")) {
        if (current != null) {
          families.put(current, new Family(current, currentType, null, currentSeries));
        }
        String[] parts = line.substring("# TYPE ".length()).split(" ", 2);
        if (parts.length != 2) {
          throw new IllegalArgumentException("line " + (i + 1) + ": a TYPE with no type: " + line);
        }
        current = parts[0];
        currentType = parts[1];
        currentSeries = new TreeMap<>();
        if (families.containsKey(current)) {
          throw new IllegalArgumentException("line " + (i + 1) + ": a second family " + current);
        }
      } else if (line.startsWith("#")) {
        continue;
      } else {
        if (currentSeries == null) {
          throw new IllegalArgumentException("line " + (i + 1) + ": a sample before any TYPE");
        }
        Sample sample = Sample.parse(line, i + 1);
        if (currentSeries.put(sample.key, sample.value) != null) {
          throw new IllegalArgumentException("line " + (i + 1) + ": a second " + sample.key);
        }
      }
    }
    if (current != null) {
      families.put(current, new Family(current, currentType, null, currentSeries));
    }
    Map<String, Family> withHelp = new TreeMap<>();
    families.forEach(
        (name, family) ->
            withHelp.put(name, new Family(name, family.type(), helps.get(name), family.series())));
    return new ExpositionText(withHelp);
  }

  /**
   * The key of a series: its name and its labels sorted by name, values unescaped and quoted again,
   * as in {@code name{a="x",b="y"}}; {@code name} alone with no labels.
   */
  static String seriesKey(String name, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return name;
    }
    StringBuilder key = new StringBuilder(name).append('{');
    new TreeMap<>(labels)
        .forEach(
            (label, value) ->
                key.append(label)
                    .append("=\"")
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                    .append("\","));
    key.setLength(key.length() - 1);
    return key.append('}').toString();
  }

  private static String unescapeHelp(String help) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < help.length(); i++) {
      char c = help.charAt(i);
      if (c == '\\' && i + 1 < help.length()) {
        char next = help.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** One sample line: {@code name{labels} value [timestamp]}. */
  private static final class Sample {
    final String key;
    final double value;

    private Sample(String key, double value) {
      this.key = key;
      this.value = value;
    }

    static Sample parse(String line, int number) {
      int brace = line.indexOf('{');
      int space = line.indexOf(' ');
      Map<String, String> labels = new TreeMap<>();
      String name;
      int afterLabels;
      if (brace >= 0 && (space < 0 || brace < space)) {
        name = line.substring(0, brace);
        afterLabels = parseLabels(line, brace + 1, labels, number);
      } else {
        if (space < 0) {
          throw new IllegalArgumentException("line " + number + ": no value: " + line);
        }
        name = line.substring(0, space);
        afterLabels = space;
      }
      String[] rest = line.substring(afterLabels).trim().split(" ");
      return new Sample(seriesKey(name, labels), number(rest[0], line, number));
    }

    /** Reads {@code a="x",b="y"}} from {@code start}; returns the index after the brace. */
    private static int parseLabels(String line, int start, Map<String, String> labels, int number) {
      int i = start;
      while (i < line.length() && line.charAt(i) != '}') {
        int equals = line.indexOf('=', i);
        if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
          throw new IllegalArgumentException("line " + number + ": a bad label: " + line);
        }
        String label = line.substring(i, equals);
        StringBuilder value = new StringBuilder();
        int j = equals + 2;
        for (; j < line.length() && line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\' && j + 1 < line.length()) {
            char next = line.charAt(++j);
            value.append(next == 'n' ? '\n' : next);
          } else {
            value.append(c);
          }
        }
        if (j >= line.length()) {
          throw new IllegalArgumentException("line " + number + ": an open label value: " + line);
        }
        if (labels.put(label, value.toString()) != null) {
          throw new IllegalArgumentException("line " + number + ": label " + label + " twice");
        }
        i = j + 1;
        if (i < line.length() && line.charAt(i) == ',') {
          i++;
        }
      }
      if (i >= line.length()) {
        throw new IllegalArgumentException("line " + number + ": no closing brace: " + line);
      }
      return i + 1;
    }

    private static double number(String text, String line, int number) {
      switch (text) {
        case "+Inf":
          return Double.POSITIVE_INFINITY;
        case "-Inf":
          return Double.NEGATIVE_INFINITY;
        case "NaN":
          return Double.NaN;
        default:
          try {
            return Double.parseDouble(text);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + number + ": a bad value: " + line, e);
          }
      }
    }
  }

  /** The series of all families, as {@code key value} lines, for messages. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    families.values().forEach(f -> f.series().forEach((k, v) -> lines.add(k + " " + v)));
    return lines;
  }
}
