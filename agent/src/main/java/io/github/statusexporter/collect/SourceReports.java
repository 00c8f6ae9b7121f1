package io.github.statusexporter.collect;

import io.github.statusexporter.source.FieldPath;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.Record;
import io.github.statusexporter.source.SourceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a source's report when the page is asked for: the last reading is mapped again with a
 * listener that keeps what became of each field, so that scrapes keep nothing more than the
 * reading. Bounded: at most {@link #MAX_FIELDS} fields per source are listed, whatever it sends.
 */
final class SourceReports {
  static final int MAX_FIELDS = 500;

  private SourceReports() {}

  static SourceReport of(SourceBinding source) {
    LastRead last = source.lastRead();
    Reading reading = last == null ? null : last.reading();
    if (reading == null) {
      return new SourceReport(source.name(), source.address(), last, List.of(), 0, 0);
    }
    FieldFates fates = new FieldFates();
    try {
      source.mapping().apply(reading, source.maxSeries(), fates);
    } catch (SourceException e) {
      // Too many series: the fates up to the cap stand, and the last read tells the failure.
    }
    List<RecordReport> records = new ArrayList<>();
    int[] room = {MAX_FIELDS};
    int[] notShown = {0};
    for (Record record : reading.records()) {
      Map<String, List<FieldFate>> fatesByPath = new LinkedHashMap<>(fates.of(record));
      List<FieldReport> fields = new ArrayList<>();
      DocumentFields.walk(
          record.document(),
          (path, value) -> {
            List<FieldFate> fieldFates = fatesByPath.remove(path);
            if (room[0] == 0) {
              notShown[0]++;
              return;
            }
            room[0]--;
            fields.add(
                new FieldReport(
                    path,
                    DocumentFields.text(value),
                    DocumentFields.type(value),
                    fieldFates == null ? List.of() : fieldFates));
          });
      // What the mapping looked for and the document lacks, or found to be no leaf.
      for (Map.Entry<String, List<FieldFate>> unlisted : fatesByPath.entrySet()) {
        if (room[0] == 0) {
          notShown[0]++;
          continue;
        }
        room[0]--;
        Object value = unlisted.getKey().isEmpty() ? null : valueAt(record, unlisted.getKey());
        fields.add(
            new FieldReport(
                unlisted.getKey(),
                value == null ? null : DocumentFields.text(value),
                value == null ? "missing" : DocumentFields.type(value),
                unlisted.getValue()));
      }
      if (!fields.isEmpty() || room[0] > 0) {
        records.add(new RecordReport(record.labels(), fields));
      }
    }
    return new SourceReport(
        source.name(), source.address(), last, records, notShown[0], fates.notKept());
  }

  private static Object valueAt(Record record, String path) {
    try {
      return record.get(FieldPath.parse(path));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
