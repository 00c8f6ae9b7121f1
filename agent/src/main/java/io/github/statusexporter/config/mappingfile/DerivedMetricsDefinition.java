package io.github.statusexporter.config.mappingfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entry of a source's {@code metrics:} that names no metric but derives one from each field it
 * selects ({@code fields: "*"}): every numeric or boolean field of each record, nested objects
 * flattened, as {@code prefix} + the field's name in snake_case. Names and globs here match a field
 * however its case and underscores are written ({@code EnqueueCount} finds {@code enqueue_count}).
 */
public final class DerivedMetricsDefinition {
  private final String prefix;
  private final List<String> fields;
  private final List<String> exclude;
  private final List<String> counters;
  private final List<String> info;
  private final Map<String, List<String>> states;
  private final String origin;

  DerivedMetricsDefinition(
      String prefix,
      List<String> fields,
      List<String> exclude,
      List<String> counters,
      List<String> info,
      Map<String, List<String>> states,
      String origin) {
    this.prefix = prefix;
    this.fields = List.copyOf(fields);
    this.exclude = List.copyOf(exclude);
    this.counters = List.copyOf(counters);
    this.info = List.copyOf(info);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    states.forEach((field, values) -> copy.put(field, List.copyOf(values)));
    this.states = Collections.unmodifiableMap(copy);
    this.origin = origin;
  }

  /** What every derived name starts with, such as {@code activemq_queue_}. */
  public String prefix() {
    return prefix;
  }

  /** Names or globs ({@code *}) of the top-level fields to derive metrics from. */
  public List<String> fields() {
    return fields;
  }

  /** Names or globs of fields left out, at any depth (a nested field by its flattened name). */
  public List<String> exclude() {
    return exclude;
  }

  /** Names or globs of the fields that are counters; the others are gauges. */
  public List<String> counters() {
    return counters;
  }

  /** Fields whose values become labels of one {@code <prefix>info} series per record. */
  public List<String> info() {
    return info;
  }

  /** String fields as state sets: field → its states, in order. */
  public Map<String, List<String>> states() {
    return states;
  }

  /** The source the fields come from, for help texts: {@code mbean:org.apache.activemq:...}. */
  public String origin() {
    return origin;
  }
}
