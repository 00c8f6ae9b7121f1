package io.github.statusexporter.mapping;

import io.github.statusexporter.config.mappingfile.MetricDefinition;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/** A numeric field that only grows, such as a count of requests served, as a counter. */
final class CounterRule extends NumberRule<CounterDataPointSnapshot> {
  CounterRule(MetricDefinition definition) {
    super(definition);
  }

  @Override
  CounterDataPointSnapshot point(Object value, Labels labels, SkipListener skips) {
    Double number = number(value, skips);
    if (number == null) {
      return null;
    }
    if (number < 0) {
      skips.skipped(exposedName, SkipReason.NEGATIVE);
      return null;
    }
    return CounterDataPointSnapshot.builder().labels(labels).value(number).build();
  }

  @Override
  MetricSnapshot snapshot(List<CounterDataPointSnapshot> points) {
    return new CounterSnapshot(metadata, points);
  }
}
