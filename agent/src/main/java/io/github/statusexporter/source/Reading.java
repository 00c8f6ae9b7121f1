package io.github.statusexporter.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One read of a status source as a flat set of named values. Nested fields are named by their path
 * ({@code cluster.nodes[0].heap_used}); values are {@link Double}, {@link String} or {@link
 * Boolean}.
 */
public final class Reading {
  private final Map<String, Object> values;

  public Reading(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The value at {@code path}, or null when the source did not give it. */
  public Object get(String path) {
    return values.get(path);
  }

  public Map<String, Object> values() {
    return values;
  }
}
