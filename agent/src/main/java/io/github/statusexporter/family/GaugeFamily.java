package io.github.statusexporter.family;

import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Gauges by label values that are set, as client_java's {@code Gauge} without exemplars. */
public final class GaugeFamily extends LabelledFamily<GaugeFamily.Series> {
  public GaugeFamily(String name, String help, String... labelNames) {
    super(MetricType.GAUGE, metadata(name, help), labelNames);
  }

  /**
   * @param name with or without the unit's suffix, which is added when missing
   */
  public GaugeFamily(String name, Unit unit, String help, String... labelNames) {
    super(
        MetricType.GAUGE,
        MetricMetadata.builder().name(name).unit(unit).help(help).build(),
        labelNames);
  }

  @Override
  protected Series newSeries(Labels labels) {
    return new Series(labels);
  }

  @Override
  public GaugeSnapshot collect() {
    Collection<Series> all = allSeries();
    List<GaugeDataPointSnapshot> points = new ArrayList<>(all.size());
    for (Series each : all) {
      points.add(new GaugeDataPointSnapshot(each.value, each.labels, null));
    }
    return new GaugeSnapshot(getMetadata(), points);
  }

  /** One gauge, 0 until set. */
  public static final class Series {
    private final Labels labels;
    private volatile double value;

    private Series(Labels labels) {
      this.labels = labels;
    }

    public void set(double value) {
      this.value = value;
    }
  }
}
