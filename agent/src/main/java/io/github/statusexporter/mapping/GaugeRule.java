package io.github.statusexporter.mapping;

import io.github.statusexporter.source.Reading;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/** A numeric field as a gauge. */
final class GaugeRule implements MetricRule {
  private final String name;
  private final String help;
  private final String field;

  GaugeRule(String name, String help, String field) {
    this.name = name;
    this.help = help;
    this.field = field;
  }

  @Override
  public MetricFamilyDescriptor descriptor() {
    return MetricFamilyDescriptor.gauge(name).help(help).build();
  }

  @Override
  public MetricSnapshot apply(Reading reading, SkipListener skips) {
    Object raw = reading.get(field);
    if (raw == null) {
      skips.skipped(name, SkipReason.MISSING);
      return null;
    }
    Double value = Values.asNumber(raw);
    if (value == null) {
      skips.skipped(name, SkipReason.WRONG_TYPE);
      return null;
    }
    if (value.isNaN() || value.isInfinite()) {
      skips.skipped(name, SkipReason.NOT_FINITE);
      return null;
    }
    return GaugeSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
        .build();
  }
}
