package io.github.statusexporter.mapping;

import io.github.statusexporter.config.mappingfile.MetricDefinition;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/** A numeric field as a gauge. */
final class GaugeRule extends NumberRule<GaugeDataPointSnapshot> {
  GaugeRule(MetricDefinition definition) {
    super(definition);
  }

  @Override
  GaugeDataPointSnapshot point(Object value, Labels labels, SkipListener skips) {
    Double number = number(value, skips);
    return number == null
        ? null
        : GaugeDataPointSnapshot.builder().labels(labels).value(number).build();
  }

  @Override
  MetricSnapshot snapshot(List<GaugeDataPointSnapshot> points) {
    return new GaugeSnapshot(metadata, points);
  }
}
