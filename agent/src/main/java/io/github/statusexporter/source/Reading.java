package io.github.statusexporter.source;

import java.util.List;
import java.util.Map;

/**
 * One read of a status source: one record for a JSON document or a single MBean, one record per
 * MBean when an MBean pattern matches several; and the fields it could not read, named.
 */
public final class Reading {
  /** The most unreadable fields a reading names; the count goes on past them. */
  public static final int MAX_UNREADABLE_NAMED = 1000;

  private final List<Record> records;
  private final List<UnreadableField> unreadable;
  private final int unreadableCount;

  public Reading(List<Record> records, List<UnreadableField> unreadable) {
    this(records, unreadable, unreadable.size());
  }

  /**
   * @param unreadable the first of the unreadable fields, named
   * @param unreadableCount all of them, named or not
   */
  public Reading(List<Record> records, List<UnreadableField> unreadable, int unreadableCount) {
    this.records = List.copyOf(records);
    this.unreadable =
        List.copyOf(
            unreadable.size() <= MAX_UNREADABLE_NAMED
                ? unreadable
                : unreadable.subList(0, MAX_UNREADABLE_NAMED));
    this.unreadableCount = Math.max(unreadableCount, this.unreadable.size());
  }

  /** A reading of one unlabelled document. */
  public static Reading of(Map<String, Object> document) {
    return new Reading(List.of(new Record(Map.of(), document)), List.of());
  }

  public List<Record> records() {
    return records;
  }

  /**
   * Fields the source has but could not read, such as MBean attributes whose getter threw: the
   * first {@link #MAX_UNREADABLE_NAMED}.
   */
  public List<UnreadableField> unreadable() {
    return unreadable;
  }

  /** How many fields the source has but could not read. */
  public int unreadableFields() {
    return unreadableCount;
  }
}
