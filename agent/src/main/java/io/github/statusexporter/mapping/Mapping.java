package io.github.statusexporter.mapping;

import io.github.statusexporter.config.mappingfile.DerivedMetricsDefinition;
import io.github.statusexporter.config.mappingfile.MetricDefinition;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.SourceException;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The metric families one source's readings turn into. */
public final class Mapping {
  private final List<FieldRule<?>> rules;
  private final List<DerivedMetricsRule> derivedRules;

  /** Every name the named metrics write: derived metrics never take one. */
  private final Set<String> namedMetrics = new HashSet<>();

  private Mapping(List<FieldRule<?>> rules, List<DerivedMetricsRule> derivedRules) {
    this.rules = List.copyOf(rules);
    this.derivedRules = List.copyOf(derivedRules);
    for (FieldRule<?> rule : rules) {
      namedMetrics.add(rule.name);
      namedMetrics.add(rule.exposedName);
      if (rule instanceof CounterRule) {
        namedMetrics.add(rule.name + "_created");
      }
    }
  }

  /** The mapping of validated definitions, as the configuration file gives them. */
  public static Mapping of(List<MetricDefinition> definitions) {
    return of(definitions, List.of());
  }

  /**
   * The mapping of named metrics and of entries that derive metrics from fields; a named metric
   * keeps its name whatever is derived, so that a field can be mapped by hand.
   */
  public static Mapping of(
      List<MetricDefinition> definitions, List<DerivedMetricsDefinition> derived) {
    List<FieldRule<?>> rules = new ArrayList<>(definitions.size());
    for (MetricDefinition definition : definitions) {
      rules.add(rule(definition));
    }
    List<DerivedMetricsRule> derivedRules = new ArrayList<>(derived.size());
    for (DerivedMetricsDefinition definition : derived) {
      derivedRules.add(new DerivedMetricsRule(definition));
    }
    return new Mapping(rules, derivedRules);
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
    if (!derivedRules.isEmpty()) {
      Set<String> written = new HashSet<>(namedMetrics);
      for (DerivedMetricsRule rule : derivedRules) {
        rule.apply(reading, written, listener, budget, snapshots);
      }
    }
    return snapshots;
  }
}
