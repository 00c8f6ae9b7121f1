package io.github.statusexporter.mapping;

import io.github.statusexporter.config.mappingfile.MetricDefinition;
import io.github.statusexporter.source.FieldPath;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.Record;
import io.github.statusexporter.source.SourceException;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One metric family of a mapping: a data point for each series of each record that has a usable
 * value in the field.
 */
abstract class FieldRule<P extends DataPointSnapshot> {
  final String name;

  /** As the exposition writes it, for skipped values: {@code app_requests_total}. */
  final String exposedName;

  final MetricMetadata metadata;
  private final FieldPath field;
  private final Series series;

  FieldRule(MetricDefinition definition) {
    name = definition.name();
    exposedName = definition.exposedName();
    metadata =
        definition.unit() == null
            ? new MetricMetadata(name, definition.help())
            : new MetricMetadata(name, definition.help(), new Unit(definition.unit()));
    field = definition.field() == null ? null : FieldPath.parse(definition.field());
    series = new Series(definition);
  }

  /**
   * The data point for one value, or null after telling {@code skips} why not. Without a field
   * (info metrics), the value is the series' context.
   */
  abstract P point(Object value, Labels labels, SkipListener skips);

  abstract MetricSnapshot snapshot(List<P> points);

  /** The series one data point makes: one per state for a state set, else one. */
  int seriesPerPoint() {
    return 1;
  }

  /**
   * The family, or null when no series has a usable value. What became of each field looked at is
   * told to {@code listener}.
   *
   * @throws SourceException with {@link
   *     io.github.statusexporter.source.FailureReason#TOO_MANY_SERIES} as soon as the budget is
   *     spent
   */
  final MetricSnapshot apply(Reading reading, MappingListener listener, SeriesBudget budget)
      throws SourceException {
    Points points = new Points(reading.records().size(), listener, budget);
    for (Record record : reading.records()) {
      series.forEach(record, points.place, points);
    }
    return points.points.isEmpty() ? null : snapshot(points.points);
  }

  /**
   * The data points of one reading, a series at a time. A class, not a lambda: the JVM would spin a
   * class for the lambda at the first scrape (~0.2 MB of garbage on JDK 25).
   */
  private final class Points implements Series.Sink {
    final List<P> points;
    final FieldPlace place;
    private final Set<Labels> seen = new HashSet<>();
    private final MappingListener listener;
    private final SeriesBudget budget;

    Points(int records, MappingListener listener, SeriesBudget budget) {
      this.points = new ArrayList<>(records);
      this.place = new FieldPlace(listener);
      this.listener = listener;
      this.budget = budget;
    }

    @Override
    public void accept(Object context, Labels labels) throws SourceException {
      place.atField(field);
      Object value = field == null ? context : field.resolve(context);
      if (value == null) {
        listener.skipped(place, exposedName, SkipReason.MISSING);
        return;
      }
      if (!seen.add(labels)) {
        // Two series with the same labels, as when a mapping's label hides what told them apart:
        // the first one stands, the scrape goes on.
        listener.skipped(place, exposedName, SkipReason.DUPLICATE);
        return;
      }
      P point = point(value, labels, place.skips());
      if (point != null) {
        budget.take(seriesPerPoint());
        points.add(point);
        if (field != null) {
          listener.exported(place, exposedName);
        }
      }
    }
  }
}
