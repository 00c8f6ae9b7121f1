package io.github.statusexporter.config.jmxexporter;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlFiles;
import io.github.statusexporter.config.yaml.YamlMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.PatternSyntaxException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * A jmx_exporter configuration file, read as jmx_exporter 1.0.1 reads it (its keys, defaults and
 * validation), checked at load rather than at the first scrape. What it cannot mean inside the
 * application's own JVM is refused ({@code hostPort}, {@code jmxUrl}) or named in a notice, never
 * ignored in silence.
 */
public final class JmxExporterConfig {
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

  /** The keys that only jmx_exporter's files have: a file with one of them is one of its files. */
  public static final Set<String> KEYS =
      Set.of(
          "rules",
          "lowercaseOutputName",
          "lowercaseOutputLabelNames",
          "includeObjectNames",
          "excludeObjectNames",
          "whitelistObjectNames",
          "blacklistObjectNames",
          "excludeObjectNameAttributes",
          "autoExcludeObjectNameAttributes",
          "startDelaySeconds",
          "hostPort",
          "jmxUrl",
          "username",
          "password",
          "ssl",
          "httpServer");

  private final List<JmxRule> rules;
  private final boolean lowercaseOutputName;
  private final boolean lowercaseOutputLabelNames;
  private final List<ObjectName> includeObjectNames;
  private final List<ObjectName> excludeObjectNames;
  private final Map<ObjectName, Set<String>> excludedAttributes;
  private final boolean autoExcludeObjectNameAttributes;
  private final List<String> notices;

  private JmxExporterConfig(Reader reader) {
    this.rules = List.copyOf(reader.rules);
    this.lowercaseOutputName = reader.lowercaseOutputName;
    this.lowercaseOutputLabelNames = reader.lowercaseOutputLabelNames;
    this.includeObjectNames =
        reader.includeObjectNames == null ? null : List.copyOf(reader.includeObjectNames);
    this.excludeObjectNames = List.copyOf(reader.excludeObjectNames);
    this.excludedAttributes = Collections.unmodifiableMap(reader.excludedAttributes);
    this.autoExcludeObjectNameAttributes = reader.autoExcludeObjectNameAttributes;
    this.notices = List.copyOf(reader.notices);
  }

  /** Reads a file; an empty file is jmx_exporter's defaults (every MBean, the default format). */
  public static JmxExporterConfig load(Path file) throws ConfigException {
    Optional<org.snakeyaml.engine.v2.nodes.Node> document = YamlFiles.composeDocument(file);
    if (document.isEmpty() || isNull(document.get())) {
      return new JmxExporterConfig(new Reader()); // "---" alone too, as jmx_exporter reads it
    }
    return read(new YamlMap(file.toString(), "", document.get(), null));
  }

  private static boolean isNull(org.snakeyaml.engine.v2.nodes.Node node) {
    return node instanceof org.snakeyaml.engine.v2.nodes.ScalarNode
        && ((org.snakeyaml.engine.v2.nodes.ScalarNode) node).isPlain()
        && List.of("", "~", "null", "Null", "NULL")
            .contains(((org.snakeyaml.engine.v2.nodes.ScalarNode) node).getValue());
  }

  /** No rules: no MBean is read (the configuration in force until a file loads). */
  public static JmxExporterConfig none() {
    Reader reader = new Reader();
    reader.rules.clear();
    return new JmxExporterConfig(reader);
  }

  /**
   * Whether the file is one of jmx_exporter's, by its keys: given as {@code config=}, it is read as
   * such. False when it is not YAML (the mapping file's load then says why).
   */
  public static boolean isOne(Path file) {
    try {
      Optional<org.snakeyaml.engine.v2.nodes.Node> document = YamlFiles.composeDocument(file);
      if (document.isEmpty()
          || !(document.get() instanceof org.snakeyaml.engine.v2.nodes.MappingNode)) {
        return false;
      }
      Set<String> keys = new YamlMap(file.toString(), "", document.get(), null).keys();
      return !keys.contains("sources")
          && !keys.contains("requests")
          && keys.stream().anyMatch(KEYS::contains);
    } catch (ConfigException e) {
      return false;
    }
  }

  /** Reads a configuration given as text (tests, examples). */
  public static JmxExporterConfig parse(String yaml) throws ConfigException {
    try {
      Path file = Files.createTempFile("jmx-exporter", ".yaml");
      try {
        Files.write(file, yaml.getBytes(StandardCharsets.UTF_8));
        return load(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (java.io.IOException e) {
      throw new ConfigException("cannot write a temporary file: " + e);
    }
  }

  private static JmxExporterConfig read(YamlMap yaml) throws ConfigException {
    Reader reader = new Reader();
    reader.read(yaml);
    return new JmxExporterConfig(reader);
  }

  /** In order; the first that matches an attribute decides what it becomes. */
  public List<JmxRule> rules() {
    return rules;
  }

  public boolean lowercaseOutputName() {
    return lowercaseOutputName;
  }

  public boolean lowercaseOutputLabelNames() {
    return lowercaseOutputLabelNames;
  }

  /** The MBeans read (names or patterns); empty for all of them. */
  public Optional<List<ObjectName>> includeObjectNames() {
    return Optional.ofNullable(includeObjectNames);
  }

  /** MBeans left out, even when included. */
  public List<ObjectName> excludeObjectNames() {
    return excludeObjectNames;
  }

  /** Attributes never read, by MBean name (exact names, as jmx_exporter compares them). */
  public Map<ObjectName, Set<String>> excludedAttributes() {
    return excludedAttributes;
  }

  /** Whether an attribute of a type that cannot become a sample is not read again. */
  public boolean autoExcludeObjectNameAttributes() {
    return autoExcludeObjectNameAttributes;
  }

  /**
   * One line for each setting that is accepted but has no effect here (a remote JVM's credentials,
   * {@code startDelaySeconds}, unknown keys that jmx_exporter ignores too).
   */
  public List<String> notices() {
    return notices;
  }

  /** Reads the file's keys into the fields of the configuration. */
  private static final class Reader {
    final List<JmxRule> rules = new ArrayList<>();
    boolean lowercaseOutputName;
    boolean lowercaseOutputLabelNames;
    List<ObjectName> includeObjectNames;
    final List<ObjectName> excludeObjectNames = new ArrayList<>();
    final Map<ObjectName, Set<String>> excludedAttributes = new LinkedHashMap<>();
    boolean autoExcludeObjectNameAttributes = true;
    final List<String> notices = new ArrayList<>();

    Reader() {
      rules.add(JmxRule.matchingAll());
    }

    void read(YamlMap yaml) throws ConfigException {
      refuseRemote(yaml);
      HttpServerKeys.check(yaml, notices);
      for (String key : yaml.keys()) {
        if (!KEYS.contains(key)) {
          notices.add(yaml.where(key) + ": not a jmx_exporter key; ignored, as jmx_exporter does");
        }
      }
      lowercaseOutputName = bool(yaml, "lowercaseOutputName", false);
      lowercaseOutputLabelNames = bool(yaml, "lowercaseOutputLabelNames", false);
      autoExcludeObjectNameAttributes = bool(yaml, "autoExcludeObjectNameAttributes", true);
      String include =
          yaml.has("includeObjectNames") ? "includeObjectNames" : "whitelistObjectNames";
      if (yaml.has(include)) {
        includeObjectNames = objectNames(yaml, include);
      }
      String exclude =
          yaml.has("excludeObjectNames") ? "excludeObjectNames" : "blacklistObjectNames";
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
}
