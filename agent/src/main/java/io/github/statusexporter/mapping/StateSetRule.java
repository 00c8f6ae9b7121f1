package io.github.statusexporter.mapping;

import io.github.statusexporter.config.mappingfile.MetricDefinition;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import java.util.List;

/** A string field that takes one of a known set of states, as a state set. */
final class StateSetRule extends FieldRule<StateSetDataPointSnapshot> {
  private final List<String> states;

  StateSetRule(MetricDefinition definition) {
    super(definition);
    states = definition.states();
  }

  @Override
  int seriesPerPoint() {
    return states.size();
  }

  @Override
  StateSetDataPointSnapshot point(Object value, Labels labels, SkipListener skips) {
    if (!(value instanceof String)) {
      skips.skipped(exposedName, SkipReason.WRONG_TYPE);
      return null;
    }
    if (!states.contains(value)) {
      skips.skipped(exposedName, SkipReason.UNKNOWN_STATE);
      return null;
    }
    StateSetDataPointSnapshot.Builder point = StateSetDataPointSnapshot.builder().labels(labels);
    for (String state : states) {
      point.state(state, state.equals(value));
    }
    return point.build();
  }

  @Override
  MetricSnapshot snapshot(List<StateSetDataPointSnapshot> points) {
    return new StateSetSnapshot(metadata, points);
  }
}
