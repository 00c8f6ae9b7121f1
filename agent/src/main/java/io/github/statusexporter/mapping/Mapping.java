package io.github.statusexporter.mapping;

import io.github.statusexporter.config.MetricDefinition;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.SourceException;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;

/** The metric families one source's readings turn into. */
public final class Mapping {
  private final List<FieldRule<?>> rules;

  private Mapping(List<FieldRule<?>> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The mapping of validated definitions, as the configuration file gives them. */
  public static Mapping of(List<MetricDefinition> definitions) {
    List<FieldRule<?>> rules = new ArrayList<>(definitions.size());
    for (MetricDefinition definition : definitions) {
      rules.add(rule(definition));
    }
    return new Mapping(rules);
  }

  private static FieldRule<?> rule(MetricDefinition definition) {
    switch (definition.type()) {
      case COUNTER:
        return new CounterRule(definition);
      case STATESET:
        return new StateSetRule(definition);
      case INFO:
        return new InfoRule(definition);
      default:
        return new GaugeRule(definition);
    }
  }

  /**
   * The seed's output: {@code app_requests_current}, {@code app_requests_pending}, {@code
   * app_uptime} and the {@code app_health} state set.
   */
  public static Mapping seed() {
    return of(
        List.of(
            MetricDefinition.gauge("app_requests_current", "Current requests", "current_requests"),
            MetricDefinition.gauge("app_requests_pending", "Pending requests", "pending_requests"),
            MetricDefinition.gauge("app_uptime", "Uptime", "total_uptime"),
            MetricDefinition.stateSet(
                "app_health", "Health", "health", List.of("healthy", "unhealthy"))));
  }

  /**
   * The families the reading yields; fields that cannot be used are reported to {@code skips}.
   *
   * @param maxSeries the most series the families may hold together; a state set has one per state
   * @throws SourceException with {@link
   *     io.github.statusexporter.source.FailureReason#TOO_MANY_SERIES} as soon as the reading
   *     yields more, before the rest is mapped
   */
  public List<MetricSnapshot> apply(Reading reading, int maxSeries, SkipListener skips)
      throws SourceException {
    return apply(reading, maxSeries, MappingListener.of(skips));
  }

  /**
   * The same, telling {@code listener} what became of every field a rule looked at, as the sources
   * page shows it.
   */
  public List<MetricSnapshot> apply(Reading reading, int maxSeries, MappingListener listener)
      throws SourceException {
    SeriesBudget budget = new SeriesBudget(maxSeries);
    List<MetricSnapshot> snapshots = new ArrayList<>(rules.size());
    for (FieldRule<?> rule : rules) {
      MetricSnapshot snapshot = rule.apply(reading, listener, budget);
      if (snapshot != null) {
        snapshots.add(snapshot);
      }
    }
    return snapshots;
  }
}
