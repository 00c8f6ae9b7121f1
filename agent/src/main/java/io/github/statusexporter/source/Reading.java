package io.github.statusexporter.source;

import java.util.List;
import java.util.Map;

/**
 * One read of a status source: one record for a JSON document or a single MBean, one record per
 * MBean when an MBean pattern matches several.
 */
public final class Reading {
  private final List<Record> records;
  private final int unreadableFields;

  public Reading(List<Record> records, int unreadableFields) {
    this.records = List.copyOf(records);
    this.unreadableFields = unreadableFields;
  }

  /** A reading of one unlabelled document. */
  public static Reading of(Map<String, Object> document) {
    return new Reading(List.of(new Record(Map.of(), document)), 0);
  }

  public List<Record> records() {
    return records;
  }

  /** Fields the source has but could not read, such as an MBean attribute whose getter threw. */
  public int unreadableFields() {
    return unreadableFields;
  }
}
