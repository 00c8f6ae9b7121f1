package io.github.statusexporter.family;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.Arrays;
import java.util.Set;

/**
 * A family's name, help, unit, type and label names, which the registry reads before it collects
 * (to refuse a second family of the same name) and which a scrape reads to skip families it does
 * not ask for.
 */
public abstract class DescribedFamily implements Collector {
  private final MetricFamilyDescriptor descriptor;

  /**
   * @param metadata as {@code MetricMetadata.builder()} makes it, as client_java's metrics do
   */
  protected DescribedFamily(MetricType type, MetricMetadata metadata, String... labelNames) {
    this.descriptor = MetricFamilyDescriptor.of(type, metadata, Arrays.asList(labelNames));
  }

  /** The metadata of a family without a unit. */
  protected static MetricMetadata metadata(String name, String help) {
    return MetricMetadata.builder().name(name).help(help).build();
  }

  @Override
  public final MetricFamilyDescriptor getMetricFamilyDescriptor() {
    return descriptor;
  }

  @Override
  public final String getPrometheusName() {
    return descriptor.getPrometheusName();
  }

  @Override
  public final MetricType getMetricType() {
    return descriptor.getType();
  }

  @Override
  public final Set<String> getLabelNames() {
    return descriptor.getLabelNames();
  }

  @Override
  public final MetricMetadata getMetadata() {
    return descriptor.getMetadata();
  }
}
