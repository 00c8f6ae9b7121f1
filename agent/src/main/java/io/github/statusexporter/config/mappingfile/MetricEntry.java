package io.github.statusexporter.config.mappingfile;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlMap;
import io.github.statusexporter.source.FieldPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One metric named in a source's {@code metrics:} ({@code name}, {@code type}, {@code field} and
 * the rest): its keys, their validation, and the check that no two metrics of the file write the
 * same name.
 */
final class MetricEntry {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern UNIT = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Set<String> METRIC_KEYS =
      new LinkedHashSet<>(
          List.of(
              "name",
              "type",
              "help",
              "unit",
              "field",
              "each",
              "key_label",
              "labels",
              "label_fields",
              "values",
              "scale",
              "states"));

  /** Every name the exposition will write, to the metric that writes it: the whole file's. */
  private final Map<String, String> exposedNames;

  MetricEntry(Map<String, String> exposedNames) {
    this.exposedNames = exposedNames;
  }

  /** The metric of one entry of a source's {@code metrics:}, validated. */
  MetricDefinition parse(YamlMap metric) throws ConfigException {
    metric.allowOnly(METRIC_KEYS);
    MetricType type = type(metric);
    String name = metricName(metric, type);
    String unit = metric.string("unit");
    if (unit != null && !(UNIT.matcher(unit).matches() && name.endsWith("_" + unit))) {
      throw metric.error(
          "unit",
          "'" + unit + "' must be a lower-case word that the name ends with (_" + unit + ")");
    }
    String field = metric.string("field");
    if (type == MetricType.INFO) {
      forbid(metric, type, "field", "values", "scale", "states", "unit");
    } else if (field == null) {
      throw metric.error("field", "is required for a " + type.key());
    } else {
      path(metric, "field", field);
    }
    String each = metric.string("each");
    String keyLabel = metric.string("key_label");
    if (each == null && keyLabel != null) {
      throw metric.error("key_label", "goes with 'each'");
    }
    Set<String> labelNames = new HashSet<>();
    if (each != null) {
      path(metric, "each", each);
    }
    if (keyLabel != null) {
      label(metric, "key_label", keyLabel, labelNames, name, type);
    }
    Map<String, String> labels = metric.stringMap("labels");
    for (String label : labels.keySet()) {
      label(metric, "labels", label, labelNames, name, type);
    }
    Map<String, String> labelFields = metric.stringMap("label_fields");
    for (Map.Entry<String, String> label : labelFields.entrySet()) {
      label(metric, "label_fields", label.getKey(), labelNames, name, type);
      path(metric, "label_fields", label.getValue());
    }
    // Without key_label, the entries of 'each' are told apart by their label fields alone (a
    // MicroProfile health check's name, not its place in the array); two alike are duplicates.
    if (each != null && keyLabel == null && labelFields.isEmpty()) {
      throw metric.error(
          "each",
          "needs 'key_label' or 'label_fields' to tell its entries apart, such as key_label: name");
    }
    if (type == MetricType.INFO && labelFields.isEmpty()) {
      throw metric.error(
          "label_fields", "is required for an info metric: its labels are its value");
    }
    List<String> states = metric.strings("states");
    if (type == MetricType.STATESET) {
      forbid(metric, type, "values", "scale", "unit");
      if (states.isEmpty()
          || states.contains("")
          || new HashSet<>(states).size() != states.size()) {
        throw metric.error("states", "must list the state set's states, each once");
      }
    } else if (!states.isEmpty()) {
      throw metric.error("states", "is only for a stateset");
    }
    Double scale = metric.number("scale");
    String help = metric.has("help") ? metric.string("help") : defaultHelp(field, labelFields);
    return new MetricDefinition(
        name,
        type,
        help,
        unit,
        field,
        each,
        keyLabel,
        labels,
        labelFields,
        metric.numberMap("values"),
        scale == null ? 1.0 : scale,
        states);
  }

  private static MetricType type(YamlMap metric) throws ConfigException {
    String text = metric.string("type");
    if (text == null) {
      return MetricType.GAUGE;
    }
    for (MetricType type : MetricType.values()) {
      if (type.key().equals(text)) {
        return type;
      }
    }
    throw metric.error("type", "'" + text + "' is not one of gauge, counter, stateset, info");
  }

  /** The family name, checked for syntax, reserved prefixes and clashes with other metrics. */
  private String metricName(YamlMap metric, MetricType type) throws ConfigException {
    String name = metric.requiredString("name");
    if (!METRIC_NAME.matcher(name).matches()) {
      throw metric.error("name", "'" + name + "' is not a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)");
    }
    for (String prefix : ConfigFile.RESERVED_PREFIXES) {
      if (name.startsWith(prefix)) {
        throw metric.error(
            "name", "'" + name + "' starts with " + prefix + ", which the agent's own metrics use");
      }
    }
    String base = name;
    List<String> exposed = new ArrayList<>();
    if (type == MetricType.COUNTER) {
      base = stripSuffix(name, "_total");
      exposed.add(base + "_total");
      exposed.add(base + "_created");
    } else if (type == MetricType.INFO) {
      base = stripSuffix(name, "_info");
      exposed.add(base + "_info");
    }
    exposed.add(base);
    for (String exposedName : exposed) {
      String other = exposedNames.putIfAbsent(exposedName, name);
      if (other != null) {
        throw metric.error(
            "name",
            "'" + name + "' clashes with metric '" + other + "' (both write " + exposedName + ")");
      }
    }
    return base;
  }

  private static String stripSuffix(String name, String suffix) {
    return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
  }

  private static void label(
      YamlMap metric, String key, String label, Set<String> seen, String name, MetricType type)
      throws ConfigException {
    if (!LabelNames.isValid(label)) {
      throw metric.error(key, "'" + label + "' is not " + LabelNames.EXPECTED);
    }
    if (!seen.add(label) || (type == MetricType.STATESET && label.equals(name))) {
      throw metric.error(key, "label '" + label + "' is given twice");
    }
  }

  private static void path(YamlMap metric, String key, String path) throws ConfigException {
    try {
      FieldPath.parse(path);
    } catch (IllegalArgumentException e) {
      throw metric.error(key, e.getMessage());
    }
  }

  private static void forbid(YamlMap metric, MetricType type, String... keys)
      throws ConfigException {
    for (String key : keys) {
      if (metric.has(key)) {
        throw metric.error(key, "is not for a " + type.key() + " metric");
      }
    }
  }

  private static String defaultHelp(String field, Map<String, String> labelFields) {
    return field != null
        ? "Status field " + field
        : "Status fields " + String.join(", ", labelFields.values());
  }
}
