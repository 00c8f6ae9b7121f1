package io.github.statusexporter.mapping;

import io.github.statusexporter.source.FieldPath;
import io.github.statusexporter.source.Record;

/**
 * Where in a record a mapping is looking: the record, the entry of an {@code each} list or object,
 * and the field in it. One place per rule moves along as the rule goes through a reading; its path
 * is built only when a listener asks for it.
 */
public final class FieldPlace {
  private final MappingListener listener;
  private final SkipListener skips;
  private Record record;
  private FieldPath each;
  private String key;
  private boolean indexed;
  private Object context;
  private FieldPath field;

  /** A path as written, for rules that find fields rather than look them up: derived metrics. */
  private String literal;

  FieldPlace(MappingListener listener) {
    this.listener = listener;
    // Not a lambda: the JVM would spin a class for it at the first scrape (~0.1 MB on JDK 25).
    this.skips =
        new SkipListener() {
          @Override
          public void skipped(String metric, SkipReason reason) {
            listener.skipped(FieldPlace.this, metric, reason);
          }
        };
  }

  public Record record() {
    return record;
  }

  /**
   * The field's path in the record's document as the document names it ({@code bytes_sent} where
   * the mapping says {@code bytesSent}), as in {@code queues.orders.size} or {@code nodes[0].heap}.
   */
  public String path() {
    if (literal != null) {
      return literal;
    }
    String entry = "";
    if (each != null) {
      entry = each.pathIn(record.document());
      if (key != null) {
        entry += indexed ? "[" + key + "]" : "." + key;
      }
    }
    if (field == null) {
      return entry;
    }
    String inEntry = field.pathIn(context);
    return entry.isEmpty() || inEntry.startsWith("[") ? entry + inEntry : entry + "." + inEntry;
  }

  MappingListener listener() {
    return listener;
  }

  /** Reports skips at this place, for rules that tell only the metric and the reason. */
  SkipListener skips() {
    return skips;
  }

  void atRecord(Record record, FieldPath each) {
    this.record = record;
    this.literal = null;
    this.each = each;
    this.key = null;
    this.context = record.document();
    this.field = null;
  }

  void atEntry(String key, boolean indexed, Object context) {
    this.key = key;
    this.indexed = indexed;
    this.context = context;
    this.field = null;
  }

  void atField(FieldPath field) {
    this.field = field;
  }

  /** At the top-level or flattened field of the record with this path. */
  void atPath(String path) {
    this.literal = path;
  }
}
