package io.github.statusexporter.config.mappingfile;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlMap;
import io.github.statusexporter.source.FieldPath;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads an entry of {@code metrics:} that derives metrics from fields ({@code fields: "*"}). */
final class DerivedMetricsEntry {
  /** The key that makes an entry of {@code metrics:} one of these. */
  static final String FIELDS = "fields";

  static final Set<String> KEYS =
      new LinkedHashSet<>(List.of(FIELDS, "prefix", "exclude", "counters", "info", "states"));

  /** A metric name's start: the derived part is appended. */
  private static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]*");

  private DerivedMetricsEntry() {}

  static boolean is(YamlMap entry) {
    return entry.has(FIELDS);
  }

  static DerivedMetricsDefinition parse(YamlMap entry, String origin, List<String> reserved)
      throws ConfigException {
    entry.allowOnly(KEYS);
    String prefix = entry.requiredString("prefix");
    if (!PREFIX.matcher(prefix).matches()) {
      throw entry.error(
          "prefix",
          "'" + prefix + "' is not the lower-case start of a metric name ([a-z_][a-z0-9_]*)");
    }
    if (!prefix.endsWith("_")) {
      // Names are the prefix and the field's: activemq + queue_size would be activemqqueue_size.
      throw entry.error(
          "prefix",
          "'" + prefix + "' must end with _ (" + prefix + "_), the field's name follows it");
    }
    for (String taken : reserved) {
      if (prefix.startsWith(taken)) {
        throw entry.error(
            "prefix",
            "'" + prefix + "' starts with " + taken + ", which the agent's own metrics use");
      }
    }
    List<String> fields = names(entry, FIELDS);
    if (fields.isEmpty()) {
      throw entry.error(FIELDS, "needs at least one name or glob, such as \"*\"");
    }
    List<String> info = names(entry, "info");
    for (String field : info) {
      path(entry, "info", field);
    }
    Map<String, List<String>> states = new LinkedHashMap<>();
    if (entry.has("states")) {
      YamlMap stateFields = entry.map("states");
      for (String field : stateFields.keys()) {
        path(entry, "states", field);
        List<String> values = stateFields.strings(field);
        if (values.isEmpty()
            || values.contains("")
            || new HashSet<>(values).size() != values.size()) {
          throw stateFields.error(field, "must list the field's states, each once");
        }
        states.put(field, values);
      }
    }
    return new DerivedMetricsDefinition(
        prefix, fields, names(entry, "exclude"), names(entry, "counters"), info, states, origin);
  }

  /** Names or globs: one string or a list, none empty. */
  private static List<String> names(YamlMap entry, String key) throws ConfigException {
    List<String> names = entry.stringOrStrings(key);
    for (String name : names) {
      if (name.isEmpty()) {
        throw entry.error(key, "has an empty name");
      }
    }
    return names;
  }

  private static void path(YamlMap entry, String key, String field) throws ConfigException {
    if (field.contains("*")) {
      throw entry.error(key, "'" + field + "' is a glob; name the field");
    }
    try {
      FieldPath.parse(field);
    } catch (IllegalArgumentException e) {
      throw entry.error(key, e.getMessage());
    }
  }
}
