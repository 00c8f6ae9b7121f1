package io.github.statusexporter.config;

import io.github.statusexporter.source.AcceptedStatuses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A status source of the mapping file with the metrics its readings become. */
public final class SourceDefinition {
  private final String name;
  private final SourceAddress address;
  private final Duration timeout;
  private final int maxSeries;
  private final Map<String, String> headers;
  private final Path caFile;
  private final AcceptedStatuses accepted;
  private final List<MetricDefinition> metrics;
  private final List<DerivedMetricsDefinition> derived;

  SourceDefinition(
      String name,
      SourceAddress address,
      Duration timeout,
      int maxSeries,
      Map<String, String> headers,
      Path caFile,
      AcceptedStatuses accepted,
      List<MetricDefinition> metrics,
      List<DerivedMetricsDefinition> derived) {
    this.name = name;
    this.address = address;
    this.timeout = timeout;
    this.maxSeries = maxSeries;
    this.headers = Map.copyOf(headers);
    this.caFile = caFile;
    this.accepted = accepted;
    this.metrics = List.copyOf(metrics);
    this.derived = List.copyOf(derived);
  }

  /** The value of the {@code source} label of the self-metrics. */
  public String name() {
    return name;
  }

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

  /** HTTP headers sent with every read, with {@code ${VARIABLES}} already substituted. */
  public Map<String, String> headers() {
    return headers;
  }

  /** PEM file of the certificate authorities trusted for an https source; null for the JDK's. */
  public Path caFile() {
    return caFile;
  }

  /** The HTTP statuses whose body is read ({@code valid_status_codes}). */
  public AcceptedStatuses accepted() {
    return accepted;
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
