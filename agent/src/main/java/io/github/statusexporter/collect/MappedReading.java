package io.github.statusexporter.collect;

import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.mapping.SkipListener;
import io.github.statusexporter.mapping.SkipReason;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.SourceException;
import io.github.statusexporter.source.UnreadableField;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one read became: its metric families, or why it could not be used, and the counts of what
 * was left out. Scrapes that share the read share this too; the first to get it reports the counts,
 * so that they count once per read, not once per scrape.
 */
final class MappedReading {
  private final List<MetricSnapshot> snapshots;
  private final SourceException failure;
  private final Map<String, Map<SkipReason, Integer>> skipped;
  private final List<UnreadableField> unreadable;
  private final AtomicBoolean countsTaken = new AtomicBoolean();

  private MappedReading(
      List<MetricSnapshot> snapshots,
      SourceException failure,
      Map<String, Map<SkipReason, Integer>> skipped,
      List<UnreadableField> unreadable) {
    this.snapshots = snapshots;
    this.failure = failure;
    this.skipped = skipped;
    this.unreadable = unreadable;
  }

  static MappedReading of(Mapping mapping, Reading reading, int maxSeries) {
    SkipCounts skipped = new SkipCounts();
    try {
      List<MetricSnapshot> snapshots = mapping.apply(reading, maxSeries, skipped);
      return new MappedReading(snapshots, null, skipped.byMetric, reading.unreadable());
    } catch (SourceException e) {
      // What was skipped before the mapping stopped is not told: none of it is exported.
      return new MappedReading(List.of(), e, Map.of(), List.of());
    }
  }

  /**
   * @throws SourceException when the reading could not be used, such as too many series
   */
  List<MetricSnapshot> snapshots() throws SourceException {
    if (failure != null) {
      throw failure;
    }
    return snapshots;
  }

  /**
   * Counts values left out, by metric and reason. A class, not lambdas: the JVM would spin three
   * classes at the first scrape (~0.2 MB of garbage on JDK 25).
   */
  private static final class SkipCounts implements SkipListener {
    final Map<String, Map<SkipReason, Integer>> byMetric = new LinkedHashMap<>();

    @Override
    public void skipped(String metric, SkipReason reason) {
      Map<SkipReason, Integer> reasons = byMetric.get(metric);
      if (reasons == null) {
        reasons = new EnumMap<>(SkipReason.class);
        byMetric.put(metric, reasons);
      }
      Integer count = reasons.get(reason);
      reasons.put(reason, count == null ? 1 : count + 1);
    }
  }

  /** True for the one scrape that is to report the counts below. */
  boolean takeCounts() {
    return countsTaken.compareAndSet(false, true);
  }

  /** Values left out, by metric and reason. */
  Map<String, Map<SkipReason, Integer>> skipped() {
    return skipped;
  }

  int unreadableFields() {
    return unreadable.size();
  }

  /** The fields the read could not read, named. */
  List<UnreadableField> unreadable() {
    return unreadable;
  }
}
