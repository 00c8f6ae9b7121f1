package io.github.statusexporter.collect;

import java.util.List;

/**
 * One field of a record as the sources page shows it: its path, its value in words (cut to {@link
 * #MAX_CHARS}), its type, and what became of it; no fates means no metric maps it.
 */
public final class FieldReport {
  /** The longest value or path shown: a source may send anything. */
  static final int MAX_CHARS = 200;

  private final String path;
  private final String value;
  private final String type;
  private final List<FieldFate> fates;

  FieldReport(String path, String value, String type, List<FieldFate> fates) {
    this.path = cut(path);
    this.value = value == null ? null : cut(value);
    this.type = type;
    this.fates = List.copyOf(fates);
  }

  /** The text, or its first {@link #MAX_CHARS} characters and an ellipsis. */
  static String cut(String text) {
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "\u2026";
  }

  /** As in {@code queues.orders.size} or {@code nodes[0].heap}. */
  public String path() {
    return path;
  }

  /** The value in words; null when the document lacks the field. */
  public String value() {
    return value;
  }

  /**
   * {@code number}, {@code string}, {@code boolean}, {@code object} or {@code array} (empty ones,
   * or where a mapping looked for a value), {@code null}, or {@code missing} for a field a mapping
   * looked for and the document lacks.
   */
  public String type() {
    return type;
  }

  public List<FieldFate> fates() {
    return fates;
  }
}
