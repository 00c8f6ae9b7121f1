package io.github.statusexporter.source;

import java.util.List;
import java.util.Map;

/**
 * One read of a status source: one record for a JSON document or a single MBean, one record per
 * MBean when an MBean pattern matches several; and the fields it could not read, named.
 */
public final class Reading {
  private final List<Record> records;
  private final List<UnreadableField> unreadable;

  public Reading(List<Record> records, List<UnreadableField> unreadable) {
    this.records = List.copyOf(records);
    this.unreadable = List.copyOf(unreadable);
  }

  /** A reading of one unlabelled document. */
  public static Reading of(Map<String, Object> document) {
    return new Reading(List.of(new Record(Map.of(), document)), List.of());
  }

  public List<Record> records() {
    return records;
  }

  /** Fields the source has but could not read, such as MBean attributes whose getter threw. */
  public List<UnreadableField> unreadable() {
    return unreadable;
  }

  /** How many fields the source has but could not read. */
  public int unreadableFields() {
    return unreadable.size();
  }
}
