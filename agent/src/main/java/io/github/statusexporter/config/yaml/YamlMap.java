package io.github.statusexporter.config.yaml;

import io.github.statusexporter.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML mapping of the configuration file, read key by key: every error names the file, the line,
 * the key's path and what was expected. Strings have {@code ${VARIABLE}} replaced from the
 * environment, unless the environment is null: jmx_exporter's files use {@code ${name}} for regex
 * groups.
 */
public final class YamlMap {
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final String file;
  private final String path;
  private final Node node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Map<String, String> environment;

  public YamlMap(String file, String path, Node node, Map<String, String> environment)
      throws ConfigException {
    this.file = file;
    this.path = path;
    this.node = node;
    this.environment = environment;
    if (!(node instanceof MappingNode)) {
      throw error(node, path.isEmpty() ? "the file" : path, "must be a mapping of keys to values");
    }
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      String key = scalarText(tuple.getKeyNode(), path + " key");
      if (entries.put(key, tuple) != null) {
        throw error(tuple.getKeyNode(), keyPath(key), "is given twice");
      }
    }
  }

  /** Fails on the first key that is not one of {@code known}. */
  public void allowOnly(Set<String> known) throws ConfigException {
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      if (!known.contains(entry.getKey())) {
        throw error(
            entry.getValue().getKeyNode(),
            keyPath(entry.getKey()),
            "is not a known key (known here: " + String.join(", ", known) + ")");
      }
    }
  }

  /** Whether the value at {@code key} is a list (rather than a mapping or a single value). */
  public boolean isList(String key) {
    return has(key) && valueNode(key) instanceof SequenceNode;
  }

  /** Whether the key is there with no value ({@code key:}, {@code key: ~}, {@code key: null}). */
  public boolean isNull(String key) {
    if (!has(key)) {
      return false;
    }
    Node value = valueNode(key);
    return value instanceof ScalarNode
        && ((ScalarNode) value).isPlain()
        && NULLS.contains(((ScalarNode) value).getValue());
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The string at {@code key}, or null when the key is absent. */
  public String string(String key) throws ConfigException {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : substitute(scalarText(tuple.getValueNode(), keyPath(key)), key);
  }

  public String requiredString(String key) throws ConfigException {
    String value = string(key);
    if (value == null || value.isEmpty()) {
      throw error(node, keyPath(key), "is required");
    }
    return value;
  }

  /** The number at {@code key}, or null when absent. */
  public Double number(String key) throws ConfigException {
    String text = string(key);
    return text == null ? null : parseNumber(text, valueNode(key), keyPath(key));
  }

  public List<String> strings(String key) throws ConfigException {
    List<String> strings = new ArrayList<>();
    for (Node item : sequence(key)) {
      strings.add(substitute(scalarText(item, keyPath(key) + " item"), key));
    }
    return strings;
  }

  /** One string or a list of strings, as {@code fields: "*"} or {@code fields: [a, b]}. */
  public List<String> stringOrStrings(String key) throws ConfigException {
    if (has(key) && valueNode(key) instanceof ScalarNode) {
      return List.of(string(key));
    }
    return strings(key);
  }

  /** A mapping of strings to strings; empty when the key is absent. */
  public Map<String, String> stringMap(String key) throws ConfigException {
    Map<String, String> map = new LinkedHashMap<>();
    if (has(key)) {
      YamlMap nested = map(key);
      for (String name : nested.entries.keySet()) {
        map.put(name, nested.string(name));
      }
    }
    return map;
  }

  /** A mapping of strings to numbers; empty when the key is absent. */
  public Map<String, Double> numberMap(String key) throws ConfigException {
    Map<String, Double> map = new LinkedHashMap<>();
    if (has(key)) {
      YamlMap nested = map(key);
      for (String name : nested.entries.keySet()) {
        map.put(name, nested.number(name));
      }
    }
    return map;
  }

  public YamlMap map(String key) throws ConfigException {
    return new YamlMap(file, keyPath(key), valueNode(key), environment);
  }

  /** The mappings in the sequence at {@code key}; empty when the key is absent. */
  public List<YamlMap> maps(String key) throws ConfigException {
    List<YamlMap> maps = new ArrayList<>();
    List<Node> items = sequence(key);
    for (int i = 0; i < items.size(); i++) {
      maps.add(new YamlMap(file, keyPath(key) + "[" + i + "]", items.get(i), environment));
    }
    return maps;
  }

  private List<Node> sequence(String key) throws ConfigException {
    if (!has(key)) {
      return List.of();
    }
    Node value = valueNode(key);
    if (!(value instanceof SequenceNode)) {
      throw error(value, keyPath(key), "must be a list");
    }
    return ((SequenceNode) value).getValue();
  }

  private Node valueNode(String key) {
    return entries.get(key).getValueNode();
  }

  /** An error located at the key's value, or at this mapping when the key is absent. */
  public ConfigException error(String key, String message) {
    return new ConfigException(where(key) + ": " + message);
  }

  /** Where the key's value is, or this mapping when the key is absent: {@code file:line: path}. */
  public String where(String key) {
    NodeTuple tuple = entries.get(key);
    return where(tuple == null ? node : tuple.getValueNode(), keyPath(key));
  }

  /** The keys of this mapping, in file order. */
  public Set<String> keys() {
    return java.util.Collections.unmodifiableSet(entries.keySet());
  }

  public ConfigException error(String message) {
    return error(node, path, message);
  }

  private ConfigException error(Node at, String where, String message) {
    return new ConfigException(where(at, where) + ": " + message);
  }

  private String where(Node at, String where) {
    int line = at.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    return file + ":" + line + ": " + where;
  }

  private String scalarText(Node value, String where) throws ConfigException {
    if (!(value instanceof ScalarNode)) {
      throw error(value, where, "must be a single value, not a list or mapping");
    }
    return ((ScalarNode) value).getValue();
  }

  private Double parseNumber(String text, Node at, String where) throws ConfigException {
    try {
      double number = Double.parseDouble(text.trim());
      if (!Double.isNaN(number) && !Double.isInfinite(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(at, where, "'" + text + "' is not a number");
  }

  private String substitute(String text, String key) throws ConfigException {
    if (environment == null) {
      return text;
    }
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String value = environment.get(matcher.group(1));
      if (value == null) {
        throw error(
            key,
            "uses ${"
                + matcher.group(1)
                + "}, but the environment has no variable "
                + matcher.group(1));
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}
