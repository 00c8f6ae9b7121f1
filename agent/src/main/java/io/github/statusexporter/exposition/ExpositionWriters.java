package io.github.statusexporter.exposition;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;

/**
 * client_java's writers of the three formats, as {@code ExpositionFormats.init} makes them from the
 * default exporter settings, and its choice among them by a scrape's {@code Accept} header
 * (protobuf, then OpenMetrics, else the text format; OpenMetrics 2 is off by default). Not {@code
 * ExpositionFormats} itself: its {@code init} builds {@code PrometheusProperties}, whose loader
 * reads every client_java setting as the application starts (~1 MB of garbage and ~20 classes), for
 * settings the agent does not take. One instance, shared: the writers keep no state.
 */
public final class ExpositionWriters {
  private static final ExpositionWriters DEFAULTS = new ExpositionWriters();

  private final PrometheusProtobufWriter protobuf = new PrometheusProtobufWriter();
  private final OpenMetricsTextFormatWriter openMetrics =
      OpenMetricsTextFormatWriter.builder()
          .setCreatedTimestampsEnabled(false)
          .setExemplarsOnAllMetricTypesEnabled(false)
          .build();
  private final PrometheusTextFormatWriter text =
      PrometheusTextFormatWriter.builder()
          .setIncludeCreatedTimestamps(false)
          .setTimestampsInMs(false)
          .build();

  private ExpositionWriters() {}

  public static ExpositionWriters defaults() {
    return DEFAULTS;
  }

  /** The writer for this {@code Accept} header (null when none), as client_java chooses it. */
  public ExpositionFormatWriter find(String accept) {
    if (protobuf.accepts(accept)) {
      return protobuf;
    }
    if (openMetrics.accepts(accept)) {
      return openMetrics;
    }
    return text;
  }

  public PrometheusTextFormatWriter text() {
    return text;
  }

  public OpenMetricsTextFormatWriter openMetrics() {
    return openMetrics;
  }

  public PrometheusProtobufWriter protobuf() {
    return protobuf;
  }
}
