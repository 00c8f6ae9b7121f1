package io.github.statusexporter.jvm;

import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.function.Predicate;

/**
 * One metric family as client_java's JVM metrics declare it (name, help, unit), so that the
 * families the agent collects itself read exactly as theirs.
 */
final class Family {
  private final MetricType type;
  private final String name;
  private final String help;
  private final Unit unit;

  private Family(MetricType type, String name, String help, Unit unit) {
    this.type = type;
    this.name = name;
    this.help = help;
    this.unit = unit;
  }

  static Family gauge(String name, String help, Unit unit) {
    return new Family(MetricType.GAUGE, name, help, unit);
  }

  /** A counter; {@code name} without {@code _total}, which the formats add. */
  static Family counter(String name, String help, Unit unit) {
    return new Family(MetricType.COUNTER, name, help, unit);
  }

  /** Whether a scrape asks for this family; {@code includedNames} null asks for all. */
  boolean wanted(Predicate<String> includedNames) {
    return includedNames == null || includedNames.test(name);
  }

  MetricFamilyDescriptor descriptor(String... labelNames) {
    MetricFamilyDescriptor.Builder<?> descriptor =
        MetricFamilyDescriptor.of(type, name).help(help).labelNames(labelNames);
    return unit == null ? descriptor.build() : descriptor.unit(unit).build();
  }

  GaugeSnapshot.Builder gaugeBuilder() {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
    return unit == null ? gauge : gauge.unit(unit);
  }

  GaugeSnapshot gauge(double value) {
    return gaugeBuilder().dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
  }

  CounterSnapshot counter(double value) {
    CounterSnapshot.Builder counter = CounterSnapshot.builder().name(name).help(help);
    return (unit == null ? counter : counter.unit(unit))
        .dataPoint(CounterDataPointSnapshot.builder().value(value).build())
        .build();
  }
}
