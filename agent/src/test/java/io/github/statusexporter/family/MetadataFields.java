package io.github.statusexporter.family;

import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.Arrays;
import java.util.List;

/** Every field of a family's metadata, for tests that compare the agent's with client_java's. */
public final class MetadataFields {
  private MetadataFields() {}

  /** What the formats, the registry's checks and a scrape's name filter read. */
  public static List<Object> of(MetricMetadata metadata) {
    return Arrays.asList(
        metadata.getName(),
        metadata.getPrometheusName(),
        metadata.getExpositionBaseName(),
        metadata.getExpositionBasePrometheusName(),
        metadata.getOriginalName(),
        metadata.getHelp(),
        metadata.getUnit());
  }
}
