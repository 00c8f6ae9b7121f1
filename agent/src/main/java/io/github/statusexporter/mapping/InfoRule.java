package io.github.statusexporter.mapping;

import io.github.statusexporter.config.mappingfile.MetricDefinition;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/** Fields that describe rather than measure, such as a version, as labels of an info metric. */
final class InfoRule extends FieldRule<InfoDataPointSnapshot> {
  InfoRule(MetricDefinition definition) {
    super(definition);
  }

  @Override
  InfoDataPointSnapshot point(Object context, Labels labels, SkipListener skips) {
    return InfoDataPointSnapshot.builder().labels(labels).build();
  }

  @Override
  MetricSnapshot snapshot(List<InfoDataPointSnapshot> points) {
    return new InfoSnapshot(metadata, points);
  }
}
