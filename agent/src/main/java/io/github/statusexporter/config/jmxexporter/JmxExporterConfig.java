package io.github.statusexporter.config.jmxexporter;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlFiles;
import io.github.statusexporter.config.yaml.YamlMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.management.ObjectName;

/**
 * A jmx_exporter configuration file, read as jmx_exporter 1.0.1 reads it (its keys, defaults and
 * validation), checked at load rather than at the first scrape. What it cannot mean inside the
 * application's own JVM is refused ({@code hostPort}, {@code jmxUrl}) or named in a notice, never
 * ignored in silence.
 */
public final class JmxExporterConfig {
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

  private JmxExporterConfig(JmxExporterConfigReader reader) {
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
      return new JmxExporterConfig(
          new JmxExporterConfigReader()); // "---" alone too, as jmx_exporter reads it
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
    JmxExporterConfigReader reader = new JmxExporterConfigReader();
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
    JmxExporterConfigReader reader = new JmxExporterConfigReader();
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
}
