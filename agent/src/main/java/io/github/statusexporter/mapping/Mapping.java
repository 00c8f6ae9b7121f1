package io.github.statusexporter.mapping;

import io.github.statusexporter.source.Reading;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;

/** The metric families one source's readings turn into. */
public final class Mapping {
  private final List<MetricRule> rules;

  Mapping(List<MetricRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * The seed's output: {@code app_requests_current}, {@code app_requests_pending}, {@code
   * app_uptime} and the {@code app_health} state set.
   */
  public static Mapping seed() {
    return new Mapping(
        List.of(
            new GaugeRule("app_requests_current", "Current requests", "current_requests"),
            new GaugeRule("app_requests_pending", "Pending requests", "pending_requests"),
            new GaugeRule("app_uptime", "Uptime", "total_uptime"),
            new StateSetRule("app_health", "Health", "health", List.of("healthy", "unhealthy"))));
  }

  public List<MetricFamilyDescriptor> descriptors() {
    List<MetricFamilyDescriptor> descriptors = new ArrayList<>(rules.size());
    for (MetricRule rule : rules) {
      descriptors.add(rule.descriptor());
    }
    return descriptors;
  }

  /** The families the reading yields; fields that cannot be used are reported to {@code skips}. */
  public List<MetricSnapshot> apply(Reading reading, SkipListener skips) {
    List<MetricSnapshot> snapshots = new ArrayList<>(rules.size());
    for (MetricRule rule : rules) {
      MetricSnapshot snapshot = rule.apply(reading, skips);
      if (snapshot != null) {
        snapshots.add(snapshot);
      }
    }
    return snapshots;
  }
}
