package io.github.statusexporter.collect;

import io.github.statusexporter.mapping.FieldPlace;
import io.github.statusexporter.mapping.MappingListener;
import io.github.statusexporter.mapping.SkipReason;
import io.github.statusexporter.source.Record;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hears a mapping of a reading and keeps, for each record and field path, what became of the field.
 * Bounded: past {@link #MAX_FATES} it only counts, whatever the reading and the mapping.
 */
final class FieldFates implements MappingListener {
  static final int MAX_FATES = 10_000;

  private final Map<Record, Map<String, List<FieldFate>>> byRecord = new IdentityHashMap<>();
  private int kept;
  private int notKept;

  @Override
  public void exported(FieldPlace place, String metric) {
    add(place, FieldFate.value(metric));
  }

  @Override
  public void labelled(FieldPlace place, String metric, String label) {
    add(place, FieldFate.label(metric, label));
  }

  @Override
  public void skipped(FieldPlace place, String metric, SkipReason reason) {
    add(place, FieldFate.skipped(metric, reason));
  }

  private void add(FieldPlace place, FieldFate fate) {
    if (kept == MAX_FATES) {
      notKept++;
      return;
    }
    kept++;
    byRecord
        .computeIfAbsent(place.record(), r -> new LinkedHashMap<>())
        .computeIfAbsent(place.path(), p -> new ArrayList<>(1))
        .add(fate);
  }

  /** The fates in {@code record} by field path, in the order the mapping met them. */
  Map<String, List<FieldFate>> of(Record record) {
    return byRecord.getOrDefault(record, Map.of());
  }

  /** Fates heard past the cap, and so not kept. */
  int notKept() {
    return notKept;
  }
}
