package io.github.statusexporter.mapping;

import io.github.statusexporter.source.Reading;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import java.util.List;

/** A string field that takes one of a known set of states, as a state set. */
final class StateSetRule implements MetricRule {
  private final String name;
  private final String help;
  private final String field;
  private final List<String> states;

  StateSetRule(String name, String help, String field, List<String> states) {
    this.name = name;
    this.help = help;
    this.field = field;
    this.states = List.copyOf(states);
  }

  @Override
  public MetricFamilyDescriptor descriptor() {
    return MetricFamilyDescriptor.stateSet(name).help(help).build();
  }

  @Override
  public MetricSnapshot apply(Reading reading, SkipListener skips) {
    Object raw = reading.get(field);
    if (raw == null) {
      skips.skipped(name, SkipReason.MISSING);
      return null;
    }
    if (!(raw instanceof String)) {
      skips.skipped(name, SkipReason.WRONG_TYPE);
      return null;
    }
    if (!states.contains(raw)) {
      skips.skipped(name, SkipReason.UNKNOWN_STATE);
      return null;
    }
    StateSetDataPointSnapshot.Builder point = StateSetDataPointSnapshot.builder();
    for (String state : states) {
      point.state(state, state.equals(raw));
    }
    return StateSetSnapshot.builder().name(name).help(help).dataPoint(point.build()).build();
  }
}
