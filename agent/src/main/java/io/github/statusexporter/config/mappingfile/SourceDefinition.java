package io.github.statusexporter.config.mappingfile;

import java.time.Duration;
import java.util.List;

/** A status source of the mapping file with the metrics its readings become. */
public final class SourceDefinition {
  private final String name;
  private final SourceAddress address;
  private final Duration timeout;
  private final int maxSeries;
  private final List<MetricDefinition> metrics;
  private final List<DerivedMetricsDefinition> derived;

  SourceDefinition(
      String name,
      SourceAddress address,
      Duration timeout,
      int maxSeries,
      List<MetricDefinition> metrics,
      List<DerivedMetricsDefinition> derived) {
    this.name = name;
    this.address = address;
    this.timeout = timeout;
    this.maxSeries = maxSeries;
    this.metrics = List.copyOf(metrics);
    this.derived = List.copyOf(derived);
  }

  /** The value of the {@code source} label of the self-metrics. */
  public String name() {
    return name;
  }

  /** Where and how the source is read, with the settings of its kind. */
  public SourceAddress address() {
    return address;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Most series the source's reading may map to; past it its metrics are left out. */
  public int maxSeries() {
    return maxSeries;
  }

  /** The metrics the file names one by one. */
  public List<MetricDefinition> metrics() {
    return metrics;
  }

  /** The entries that derive metrics from fields ({@code fields: "*"}), in file order. */
  public List<DerivedMetricsDefinition> derived() {
    return derived;
  }
}
