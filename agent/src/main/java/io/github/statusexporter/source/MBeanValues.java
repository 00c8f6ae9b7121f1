package io.github.statusexporter.source;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/** Converts MBean attribute values into the documents a {@link Record} holds. */
final class MBeanValues {
  /**
   * The most elements an array, collection, map or table may have to be read: an application's
   * cache exposed as an attribute is copied on every read, on the agent's thread.
   */
  static final int MAX_ELEMENTS = 10_000;

  private MBeanValues() {}

  /** True when the value holds more elements than are read. */
  static boolean tooLarge(Object value) {
    if (value instanceof Map) {
      return ((Map<?, ?>) value).size() > MAX_ELEMENTS;
    }
    if (value instanceof Collection) {
      return ((Collection<?>) value).size() > MAX_ELEMENTS;
    }
    if (value instanceof TabularData) {
      return ((TabularData) value).size() > MAX_ELEMENTS;
    }
    return value != null && value.getClass().isArray() && Array.getLength(value) > MAX_ELEMENTS;
  }

  /**
   * The value as a number, string, boolean, nested map (composite and tabular data, maps) or list
   * (arrays, collections); null for a type with no such form, or for more than {@link
   * #MAX_ELEMENTS} elements.
   */
  static Object convert(Object value) {
    if (tooLarge(value)) {
      return null;
    }
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof Character || value instanceof Enum || value instanceof ObjectName) {
      return value.toString();
    }
    if (value instanceof CompositeData) {
      return composite((CompositeData) value);
    }
    if (value instanceof TabularData) {
      return tabular((TabularData) value);
    }
    if (value != null && value.getClass().isArray()) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        list.add(convert(Array.get(value, i)));
      }
      return list;
    }
    if (value instanceof Map) {
      // An MBean's plain map, as ActiveMQ's TransportConnectors (name to URI): a nested object.
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        Object converted = convert(entry.getValue());
        if (converted != null) {
          map.put(String.valueOf(entry.getKey()), converted);
        }
      }
      return map;
    }
    if (value instanceof Collection) {
      List<Object> list = new ArrayList<>();
      for (Object element : (Collection<?>) value) {
        list.add(convert(element));
      }
      return list;
    }
    return null;
  }

  private static Map<String, Object> composite(CompositeData data) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (String key : data.getCompositeType().keySet()) {
      Object converted = convert(data.get(key));
      if (converted != null) {
        map.put(FieldPath.snakeCase(key), converted);
      }
    }
    return map;
  }

  /** Rows keyed by their index values, joined with commas when the index has several. */
  private static Map<String, Object> tabular(TabularData data) {
    Map<String, Object> rows = new LinkedHashMap<>();
    for (Object row : data.values()) {
      CompositeData composite = (CompositeData) row;
      List<String> index = new ArrayList<>();
      for (Object part : data.calculateIndex(composite)) {
        index.add(String.valueOf(part));
      }
      rows.put(String.join(",", index), composite(composite));
    }
    return rows;
  }
}
