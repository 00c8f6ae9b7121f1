package io.github.statusexporter.mapping;

import io.github.statusexporter.source.FieldPath;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.Record;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A metric family made of one field: one data point per record of the reading that has a usable
 * value there, labelled with the record's labels.
 */
abstract class FieldRule<P extends DataPointSnapshot> implements MetricRule {
  final String name;
  final String help;
  private final FieldPath field;

  FieldRule(String name, String help, String field) {
    this.name = name;
    this.help = help;
    this.field = FieldPath.parse(field);
  }

  /** The data point for one usable value, or null after telling {@code skips} why not. */
  abstract P point(Object value, Labels labels, SkipListener skips);

  abstract MetricSnapshot snapshot(List<P> points);

  @Override
  public final MetricSnapshot apply(Reading reading, SkipListener skips) {
    List<P> points = new ArrayList<>(reading.records().size());
    for (Record record : reading.records()) {
      Object value = record.get(field);
      if (value == null) {
        skips.skipped(name, SkipReason.MISSING);
        continue;
      }
      P point = point(value, labels(record.labels()), skips);
      if (point != null) {
        points.add(point);
      }
    }
    return points.isEmpty() ? null : snapshot(points);
  }

  private static Labels labels(Map<String, String> labels) {
    return labels.isEmpty()
        ? Labels.EMPTY
        : Labels.of(new ArrayList<>(labels.keySet()), new ArrayList<>(labels.values()));
  }
}
