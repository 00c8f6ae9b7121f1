package io.github.statusexporter.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.management.ObjectName;

/**
 * Which key properties of the MBeans an MBean source reads become labels of their series, and under
 * which label names: all of them in snake_case ({@code destinationName} → {@code destination_name})
 * unless the user chose some, named at will ({@code queue: destinationName}).
 */
public final class KeyPropertyLabels {
  /** Every key property, under its derived name: what a pattern's series carry by default. */
  public static final KeyPropertyLabels ALL = new KeyPropertyLabels(null);

  /** Label name → key property, in the user's order; null for all. */
  private final Map<String, String> chosen;

  private KeyPropertyLabels(Map<String, String> chosen) {
    this.chosen = chosen;
  }

  /**
   * These key properties only, under these label names.
   *
   * @param keyPropertyByLabel label name → key property; label names valid, checked by the caller
   */
  public static KeyPropertyLabels chosen(Map<String, String> keyPropertyByLabel) {
    return new KeyPropertyLabels(new LinkedHashMap<>(keyPropertyByLabel));
  }

  /** Whether the user chose the labels; if not, a single named MBean's series have none. */
  public boolean isChosen() {
    return chosen != null;
  }

  /**
   * The label name a key property gets unless renamed: snake_case, valid, not reserved ({@code __})
   * and not starting with a digit.
   */
  public static String labelName(String keyProperty) {
    String label = FieldPath.snakeCase(keyProperty).replaceAll("[^a-zA-Z0-9_]", "_");
    return Character.isDigit(label.charAt(0)) || label.startsWith("__") ? "key" + label : label;
  }

  /**
   * The labels of one MBean: {@code type="Pool", name="main"}. A chosen key property that the MBean
   * lacks (a pattern ending in {@code ,*} matches MBeans with different keys) gives no label.
   */
  Map<String, String> of(ObjectName name) {
    Map<String, String> labels = new TreeMap<>();
    if (chosen == null) {
      for (Map.Entry<String, String> key : name.getKeyPropertyList().entrySet()) {
        labels.put(labelName(key.getKey()), value(key.getValue()));
      }
      return labels;
    }
    for (Map.Entry<String, String> label : chosen.entrySet()) {
      String value = name.getKeyProperty(label.getValue());
      if (value != null) {
        labels.put(label.getKey(), value(value));
      }
    }
    return labels;
  }

  private static String value(String value) {
    return value.startsWith("\"") ? ObjectName.unquote(value) : value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyPropertyLabels
        && Objects.equals(((KeyPropertyLabels) other).chosen, chosen);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(chosen);
  }

  /** {@code {queue=destinationName}}, or {@code all}. */
  @Override
  public String toString() {
    return chosen == null ? "all" : chosen.toString();
  }
}
