package io.github.statusexporter.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One status document: a tree of {@link Map}s (objects), {@link java.util.List}s (arrays) and
 * {@link Double}, {@link String} or {@link Boolean} leaves, with the labels that tell it apart from
 * the other records of its reading.
 */
public final class Record {
  private final Map<String, String> labels;
  private final Map<String, Object> document;

  public Record(Map<String, String> labels, Map<String, Object> document) {
    this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    this.document = Collections.unmodifiableMap(document);
  }

  public Map<String, String> labels() {
    return labels;
  }

  public Map<String, Object> document() {
    return document;
  }

  /** The value at {@code path}, or null when the document does not have it. */
  public Object get(FieldPath path) {
    return path.resolve(document);
  }
}
