package io.github.statusexporter.family;

import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A family's series by their label values, made at first use.
 *
 * @param <S> one series
 */
public abstract class LabelledFamily<S> extends DescribedFamily {
  private final String[] labelNames;
  private final ConcurrentHashMap<List<String>, S> series = new ConcurrentHashMap<>();

  protected LabelledFamily(MetricType type, MetricMetadata metadata, String... labelNames) {
    super(type, metadata, labelNames);
    this.labelNames = labelNames.clone();
  }

  /**
   * The series of these label values, made at first use; as client_java's, by position. Keep it
   * where it is used often: the lookup allocates.
   */
  public final S labelValues(String... values) {
    if (values.length != labelNames.length) {
      throw new IllegalArgumentException(
          getPrometheusName() + " has " + labelNames.length + " labels, not " + values.length);
    }
    List<String> key = List.of(values); // null values throw, as client_java refuses them
    S existing = series.get(key);
    if (existing != null) {
      return existing;
    }
    // Not computeIfAbsent with a lambda: the JVM would spin its class on the first new series.
    S made = newSeries(Labels.of(labelNames, values));
    existing = series.putIfAbsent(key, made);
    return existing != null ? existing : made;
  }

  protected abstract S newSeries(Labels labels);

  /** Forgets the series whose label values, in the order of the label names, match. */
  public final void removeIf(Predicate<List<String>> labelValues) {
    series.keySet().removeIf(labelValues);
  }

  /**
   * Every series. A family without labels has its one series from its first scrape on, as
   * client_java's stateful metrics do, so that it reads 0 before anything happened.
   */
  protected final Collection<S> allSeries() {
    if (labelNames.length == 0 && series.isEmpty()) {
      labelValues();
    }
    return series.values();
  }
}
