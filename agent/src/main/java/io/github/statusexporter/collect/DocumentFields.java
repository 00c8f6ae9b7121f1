package io.github.statusexporter.collect;

import java.util.List;
import java.util.Map;

/**
 * Walks a status document to its leaves, naming each by its path as a mapping writes it: {@code
 * a.b}, {@code a[0].c}. An empty object or array is a leaf too, so that it shows.
 */
final class DocumentFields {
  interface Visitor {
    void leaf(String path, Object value);
  }

  private DocumentFields() {}

  static void walk(Map<String, Object> document, Visitor visitor) {
    for (Map.Entry<String, Object> entry : document.entrySet()) {
      walk(entry.getKey(), entry.getValue(), visitor);
    }
  }

  private static void walk(String path, Object node, Visitor visitor) {
    if (node instanceof Map && !((Map<?, ?>) node).isEmpty()) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
        walk(path + "." + entry.getKey(), entry.getValue(), visitor);
      }
    } else if (node instanceof List && !((List<?>) node).isEmpty()) {
      List<?> list = (List<?>) node;
      for (int i = 0; i < list.size(); i++) {
        walk(path + "[" + i + "]", list.get(i), visitor);
      }
    } else {
      visitor.leaf(path, node);
    }
  }

  /** The type a person reads: number, string, boolean, object, array or null. */
  static String type(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Map) {
      return "object";
    }
    if (value instanceof List) {
      return "array";
    }
    return value.getClass().getSimpleName();
  }

  /** The value in words: {@code 3} rather than {@code 3.0}, {@code {}} for an empty object. */
  static String text(Object value) {
    if (value instanceof Double) {
      double number = (Double) value;
      return number == Math.rint(number) && Math.abs(number) < 1e15
          ? Long.toString((long) number)
          : Double.toString(number);
    }
    if (value instanceof Map) {
      return ((Map<?, ?>) value).isEmpty() ? "{}" : "{\u2026}";
    }
    if (value instanceof List) {
      return ((List<?>) value).isEmpty() ? "[]" : "[\u2026]";
    }
    return String.valueOf(value);
  }
}
