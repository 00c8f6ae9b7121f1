package io.github.statusexporter.mapping;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/** A numeric field as a gauge. */
final class GaugeRule extends FieldRule<GaugeDataPointSnapshot> {
  GaugeRule(String name, String help, String field) {
    super(name, help, field);
  }

  @Override
  public MetricFamilyDescriptor descriptor() {
    return MetricFamilyDescriptor.gauge(name).help(help).build();
  }

  @Override
  GaugeDataPointSnapshot point(Object value, Labels labels, SkipListener skips) {
    Double number = Values.asNumber(value);
    if (number == null) {
      skips.skipped(name, SkipReason.WRONG_TYPE);
      return null;
    }
    if (number.isNaN() || number.isInfinite()) {
      skips.skipped(name, SkipReason.NOT_FINITE);
      return null;
    }
    return GaugeDataPointSnapshot.builder().labels(labels).value(number).build();
  }

  @Override
  MetricSnapshot snapshot(List<GaugeDataPointSnapshot> points) {
    return new GaugeSnapshot(new MetricMetadata(name, help), points);
  }
}
