package io.github.statusexporter.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The unreadable fields of one read: all counted, the first {@link Reading#MAX_UNREADABLE_NAMED}
 * kept by name, so that a pattern over thousands of MBeans with a throwing getter each holds a
 * bounded list, not one entry per MBean.
 */
final class UnreadableFields {
  private final List<UnreadableField> named = new ArrayList<>(0);
  private int count;

  void add(UnreadableField field) {
    count++;
    if (named.size() < Reading.MAX_UNREADABLE_NAMED) {
      named.add(field);
    }
  }

  Reading reading(List<Record> records) {
    return new Reading(records, named, count);
  }
}
