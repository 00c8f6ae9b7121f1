package io.github.statusexporter.collect;

import io.github.statusexporter.family.CounterFamily;
import io.github.statusexporter.family.GaugeFamily;
import io.github.statusexporter.family.LabelledFamily;
import io.github.statusexporter.mapping.SkipReason;
import io.github.statusexporter.source.FailureReason;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the agent tells about its own reads of the status sources. */
final class SelfMetrics {
  private final GaugeFamily up =
      new GaugeFamily(
          "status_exporter_source_up",
          "1 if the last read of the status source succeeded, 0 if it failed",
          "source");
  private final GaugeFamily readDuration =
      new GaugeFamily(
          "status_exporter_source_read_duration",
          Unit.SECONDS,
          "How long the last scrape waited for the status source",
          "source");
  private final CounterFamily readErrors =
      new CounterFamily(
          "status_exporter_source_read_errors",
          "Failed reads of the status source, by reason",
          "source",
          "reason");
  private final CounterFamily valuesSkipped =
      new CounterFamily(
          "status_exporter_values_skipped",
          "Mapped metrics left out of a scrape because their field was unusable",
          "source",
          "metric",
          "reason");
  private final CounterFamily unreadableFields =
      new CounterFamily(
          "status_exporter_source_unreadable_fields",
          "Fields the source has but could not read, such as MBean attributes whose getter threw",
          "source");
  private final List<LabelledFamily<?>> all =
      List.of(up, readDuration, readErrors, valuesSkipped, unreadableFields);

  /**
   * The most metrics one source's skips are counted by name: derived metrics take their names from
   * the document's keys (a session id each), and each name would be a series forever.
   */
  static final int MAX_SKIPPED_METRICS = 100;

  /** What the skips of the metrics past that cap are counted as. */
  static final String OTHER_METRICS = "other_metrics";

  private final Map<String, Set<String>> skippedMetrics = new HashMap<>();

  /** Every reason from the start, so that rate() and increase() see the first failure. */
  void addSource(String source) {
    for (FailureReason reason : FailureReason.values()) {
      readErrors.labelValues(source, reason.label());
    }
    unreadableFields.labelValues(source);
  }

  /** Forgets a source that is gone, so that its last values do not linger. */
  void removeSource(String source) {
    synchronized (this) {
      skippedMetrics.remove(source);
    }
    for (LabelledFamily<?> family : all) {
      family.removeIf(labels -> labels.get(0).equals(source));
    }
  }

  void readSucceeded(String source, double seconds) {
    up.labelValues(source).set(1);
    readDuration.labelValues(source).set(seconds);
  }

  /** What one read left out: told once per read, however many scrapes shared it. */
  void readCounts(String source, MappedReading mapped) {
    unreadableFields.labelValues(source).inc(mapped.unreadableFields());
    for (Map.Entry<String, Map<SkipReason, Integer>> metric : mapped.skipped().entrySet()) {
      String name = countedAs(source, metric.getKey());
      for (Map.Entry<SkipReason, Integer> reason : metric.getValue().entrySet()) {
        valuesSkipped.labelValues(source, name, reason.getKey().label()).inc(reason.getValue());
      }
    }
  }

  /** The metric's own name, or {@link #OTHER_METRICS} once the source has named enough. */
  private synchronized String countedAs(String source, String metric) {
    Set<String> named = skippedMetrics.get(source);
    if (named == null) { // not computeIfAbsent: its lambda would be spun at the first scrape
      named = new HashSet<>();
      skippedMetrics.put(source, named);
    }
    if (named.contains(metric) || named.size() < MAX_SKIPPED_METRICS && named.add(metric)) {
      return metric;
    }
    return OTHER_METRICS;
  }

  void readFailed(String source, FailureReason reason, double seconds) {
    up.labelValues(source).set(0);
    readDuration.labelValues(source).set(seconds);
    readErrors.labelValues(source, reason.label()).inc();
  }

  List<MetricSnapshot> snapshots() {
    List<MetricSnapshot> snapshots = new ArrayList<>(all.size());
    for (LabelledFamily<?> family : all) {
      snapshots.add(family.collect());
    }
    return snapshots;
  }
}
