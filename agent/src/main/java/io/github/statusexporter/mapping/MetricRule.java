package io.github.statusexporter.mapping;

import io.github.statusexporter.source.Reading;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/** Turns one field of a reading into one metric family. */
interface MetricRule {
  MetricFamilyDescriptor descriptor();

  /** The family, or null after telling {@code skips} why the field could not be used. */
  MetricSnapshot apply(Reading reading, SkipListener skips);
}
