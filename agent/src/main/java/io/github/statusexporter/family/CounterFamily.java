package io.github.statusexporter.family;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Counters by label values, as client_java's {@code Counter} without exemplars: each series has the
 * time it was made as its created timestamp, which protobuf scrapes carry.
 */
public final class CounterFamily extends LabelledFamily<CounterFamily.Series> {
  /**
   * @param name without {@code _total}, which the formats add
   */
  public CounterFamily(String name, String help, String... labelNames) {
    super(MetricType.COUNTER, metadata(name, help), labelNames);
  }

  @Override
  protected Series newSeries(Labels labels) {
    return new Series(labels);
  }

  @Override
  public CounterSnapshot collect() {
    Collection<Series> all = allSeries();
    List<CounterDataPointSnapshot> points = new ArrayList<>(all.size());
    for (Series each : all) {
      points.add(new CounterDataPointSnapshot(each.get(), each.labels, null, each.createdMillis));
    }
    return new CounterSnapshot(getMetadata(), points);
  }

  /** One counter. */
  public static final class Series implements CounterDataPoint {
    private final Labels labels;
    private final long createdMillis = System.currentTimeMillis();
    private final DoubleAdder value = new DoubleAdder();

    private Series(Labels labels) {
      this.labels = labels;
    }

    /**
     * @throws IllegalArgumentException on a negative amount, as client_java's
     */
    @Override
    public void inc(double amount) {
      if (amount < 0) {
        throw new IllegalArgumentException("a counter cannot go down: " + amount);
      }
      value.add(amount);
    }

    @Override
    public void incWithExemplar(double amount, Labels exemplarLabels) {
      inc(amount);
    }

    @Override
    public double get() {
      return value.sum();
    }

    @Override
    public long getLongValue() {
      return (long) get();
    }
  }
}
