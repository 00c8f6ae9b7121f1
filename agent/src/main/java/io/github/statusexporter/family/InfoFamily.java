package io.github.statusexporter.family;

import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** An info family: one series per set of label values added, as client_java's {@code Info}. */
public final class InfoFamily extends LabelledFamily<Labels> {
  /**
   * @param name without {@code _info}, which the formats add
   */
  public InfoFamily(String name, String help, String... labelNames) {
    super(MetricType.INFO, metadata(name, help), labelNames);
  }

  /** Adds the series of these label values, if not there yet. */
  public void add(String... values) {
    labelValues(values);
  }

  @Override
  protected Labels newSeries(Labels labels) {
    return labels;
  }

  @Override
  public InfoSnapshot collect() {
    Collection<Labels> all = allSeries();
    List<InfoDataPointSnapshot> points = new ArrayList<>(all.size());
    for (Labels labels : all) {
      points.add(new InfoDataPointSnapshot(labels));
    }
    return new InfoSnapshot(getMetadata(), points);
  }
}
