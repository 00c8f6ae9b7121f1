package io.github.statusexporter.config.jmxexporter;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.PatternSyntaxException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** Reads a jmx_exporter file's keys into the fields of a {@link JmxExporterConfig}. */
final class JmxExporterConfigReader {
  private static final Set<String> RULE_KEYS =
      Set.of(
          "pattern",
          "name",
          "value",
          "valueFactor",
          "labels",
          "help",
          "type",
          "attrNameSnakeCase",
          "cache");

  final List<JmxRule> rules = new ArrayList<>();
  boolean lowercaseOutputName;
  boolean lowercaseOutputLabelNames;
  List<ObjectName> includeObjectNames;
  final List<ObjectName> excludeObjectNames = new ArrayList<>();
  final Map<ObjectName, Set<String>> excludedAttributes = new LinkedHashMap<>();
  boolean autoExcludeObjectNameAttributes = true;
  final List<String> notices = new ArrayList<>();

  JmxExporterConfigReader() {
    rules.add(JmxRule.matchingAll());
  }

  void read(YamlMap yaml) throws ConfigException {
    refuseRemote(yaml);
    HttpServerKeys.check(yaml, notices);
    for (String key : yaml.keys()) {
      if (!JmxExporterConfig.KEYS.contains(key)) {
        notices.add(yaml.where(key) + ": not a jmx_exporter key; ignored, as jmx_exporter does");
      }
    }
    lowercaseOutputName = bool(yaml, "lowercaseOutputName", false);
    lowercaseOutputLabelNames = bool(yaml, "lowercaseOutputLabelNames", false);
    autoExcludeObjectNameAttributes = bool(yaml, "autoExcludeObjectNameAttributes", true);
    String include = yaml.has("includeObjectNames") ? "includeObjectNames" : "whitelistObjectNames";
    if (yaml.has(include)) {
      includeObjectNames = objectNames(yaml, include);
    }
    String exclude = yaml.has("excludeObjectNames") ? "excludeObjectNames" : "blacklistObjectNames";
    excludeObjectNames.addAll(objectNames(yaml, exclude));
    excludedAttributes(yaml);
    if (yaml.has("startDelaySeconds") && !"0".equals(yaml.string("startDelaySeconds"))) {
      notices.add(
          yaml.where("startDelaySeconds")
              + ": not needed here (the MBeans are read in the application's own JVM, whenever"
              + " it has them); ignored");
    }
    if (yaml.has("rules")) {
      if (yaml.isNull("rules")) {
        throw yaml.error(
            "rules",
            "is empty: give a list of rules, or leave the key out for all"
                + " MBeans in the default format");
      }
      rules.clear();
      for (YamlMap rule : yaml.maps("rules")) {
        rules.add(rule(rule));
      }
    }
  }

  private void refuseRemote(YamlMap yaml) throws ConfigException {
    for (String key : List.of("hostPort", "jmxUrl")) {
      if (yaml.has(key) && !yaml.isNull(key) && !yaml.string(key).isEmpty()) {
        throw yaml.error(
            key,
            "this agent reads the MBeans of the JVM it runs in; remove "
                + key
                + ", or keep jmx_exporter's standalone server to read a remote JVM");
      }
    }
    for (String key : List.of("username", "password", "ssl")) {
      if (yaml.has(key)) {
        notices.add(yaml.where(key) + ": used only to read a remote JVM; ignored");
      }
    }
  }

  private void excludedAttributes(YamlMap yaml) throws ConfigException {
    if (!yaml.has("excludeObjectNameAttributes")) {
      return;
    }
    YamlMap byName = yaml.map("excludeObjectNameAttributes");
    for (String name : byName.keys()) {
      ObjectName objectName = objectName(byName, name, name);
      excludedAttributes
          .computeIfAbsent(objectName, any -> new java.util.HashSet<>())
          .addAll(byName.strings(name));
    }
  }

  private static List<ObjectName> objectNames(YamlMap yaml, String key) throws ConfigException {
    List<ObjectName> names = new ArrayList<>();
    for (String text : yaml.strings(key)) {
      names.add(objectName(yaml, key, text));
    }
    return names;
  }

  private static ObjectName objectName(YamlMap yaml, String key, String text)
      throws ConfigException {
    try {
      return new ObjectName(text);
    } catch (MalformedObjectNameException e) {
      throw yaml.error(
          key, "'" + text + "' is not an MBean name or pattern (" + e.getMessage() + ")");
    }
  }

  private JmxRule rule(YamlMap yaml) throws ConfigException {
    for (String key : yaml.keys()) {
      if (!RULE_KEYS.contains(key)) {
        notices.add(yaml.where(key) + ": not a rule key; ignored, as jmx_exporter does");
      }
    }
    String pattern = yaml.string("pattern");
    String name = yaml.isNull("name") ? null : yaml.string("name");
    // jmx_exporter takes String.valueOf of the YAML value: "value:" alone is the text "null".
    String value =
        yaml.isNull("value") ? (yaml.has("value") ? "null" : null) : yaml.string("value");
    double valueFactor = valueFactor(yaml);
    List<String> labelNames = new ArrayList<>();
    List<String> labelValues = new ArrayList<>();
    if (yaml.has("labels")) {
      YamlMap labels = yaml.map("labels");
      for (Map.Entry<String, String> label : new TreeMap<>(labelTexts(labels)).entrySet()) {
        labelNames.add(label.getKey());
        labelValues.add(label.getValue());
      }
    }
    String help = yaml.isNull("help") ? null : yaml.string("help");
    String type = yaml.string("type");
    if ((yaml.has("labels") || help != null) && name == null) {
      throw yaml.error("Must provide name, if help or labels are given (jmx_exporter's rule)");
    }
    if (name != null && pattern == null) {
      throw yaml.error("Must provide pattern, if name is given (jmx_exporter's rule)");
    }
    if (value != null && !value.isEmpty() && pattern == null) {
      // jmx_exporter fails every scrape on this one; here it is said at load.
      throw yaml.error("value", "needs a pattern whose groups it can use");
    }
    try {
      return new JmxRule(
          pattern,
          name,
          value,
          valueFactor,
          labelNames,
          labelValues,
          help,
          JmxRule.Type.of(type),
          bool(yaml, "attrNameSnakeCase", false),
          bool(yaml, "cache", false));
    } catch (PatternSyntaxException e) {
      throw yaml.error(
          "pattern", "'" + pattern + "' is not a regular expression: " + e.getDescription());
    }
  }

  private static Map<String, String> labelTexts(YamlMap labels) throws ConfigException {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String key : labels.keys()) {
      if (labels.isNull(key)) {
        throw labels.error(key, "has no value");
      }
      texts.put(key, labels.string(key));
    }
    return texts;
  }

  /** Unparsable: 1, as in jmx_exporter, but said. */
  private double valueFactor(YamlMap yaml) throws ConfigException {
    if (!yaml.has("valueFactor")) {
      return 1.0;
    }
    String text = yaml.string("valueFactor");
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      notices.add(
          yaml.where("valueFactor")
              + ": '"
              + text
              + "' is not a number; 1 is used, as jmx_exporter does");
      return 1.0;
    }
  }

  /** YAML 1.1's booleans, which jmx_exporter's SnakeYAML reads: true, yes, on and their cases. */
  private static boolean bool(YamlMap yaml, String key, boolean absent) throws ConfigException {
    if (!yaml.has(key) || yaml.isNull(key)) {
      return absent;
    }
    String text = yaml.string(key);
    switch (text) {
      case "true":
      case "True":
      case "TRUE":
      case "yes":
      case "Yes":
      case "YES":
      case "on":
      case "On":
      case "ON":
        return true;
      case "false":
      case "False":
      case "FALSE":
      case "no":
      case "No":
      case "NO":
      case "off":
      case "Off":
      case "OFF":
        return false;
      default:
        throw yaml.error(key, "'" + text + "' is not true or false");
    }
  }
}
