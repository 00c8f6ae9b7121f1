package io.github.statusexporter.instrumentation;

import io.github.statusexporter.family.LabelledFamily;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The request duration histogram with classic buckets only (the default), kept in the agent's own
 * adders. Not client_java's {@code Histogram}: its {@code observe} (1.10) hands its buffer a lambda
 * that captures the value, an object of 24 bytes per request wherever the JIT does not inline the
 * call into the caller (JFR showed it on every Reactor Netty request, after 35 s of load). Its
 * metadata and label names are those a client_java {@code Histogram} of the same name, unit and
 * help has, so the family reads as it did; its series are those client_java would write for the
 * same observations. No {@code Histogram} is built for them: its constructor reads its settings
 * through seven lambdas, each a class the JVM spins as the agent starts (~0.2 MB of garbage on JDK
 * 25).
 *
 * <p>What it does not copy: client_java's buffer, which holds observations back while a scrape
 * reads a series so that its sum and count agree exactly. Here the count is the buckets' total (so
 * buckets and count always agree) and the sum may lack a request that was being recorded during the
 * scrape, as in client_java's 0.x histograms.
 */
final class ClassicDurations extends LabelledFamily<ClassicDurations.Series> {
  /** Upper bounds, {@code +Inf} last. */
  private final double[] upperBounds;

  /**
   * @param metadata the family's, as client_java's {@code MetricMetadata.builder()} makes it
   * @param upperBounds the buckets' upper bounds, without {@code +Inf}
   */
  ClassicDurations(MetricMetadata metadata, double[] upperBounds, String... labelNames) {
    super(MetricType.HISTOGRAM, metadata, labelNames);
    this.upperBounds = Arrays.copyOf(upperBounds, upperBounds.length + 1);
    this.upperBounds[upperBounds.length] = Double.POSITIVE_INFINITY;
  }

  @Override
  protected Series newSeries(Labels labels) {
    return new Series(labels, upperBounds.length);
  }

  @Override
  public HistogramSnapshot collect() {
    Collection<Series> all = allSeries();
    List<HistogramDataPointSnapshot> points = new ArrayList<>(all.size());
    for (Series each : all) {
      points.add(each.snapshot(upperBounds));
    }
    return new HistogramSnapshot(getMetadata(), points);
  }

  /** One series: a count per bucket (not cumulative) and the sum. */
  final class Series implements DistributionDataPoint {
    private final Labels labels;
    private final LongAdder[] buckets;
    private final DoubleAdder sum = new DoubleAdder();
    private final long createdMillis = System.currentTimeMillis();

    Series(Labels labels, int bucketCount) {
      this.labels = labels;
      this.buckets = new LongAdder[bucketCount];
      for (int i = 0; i < bucketCount; i++) {
        buckets[i] = new LongAdder();
      }
    }

    @Override
    public void observe(double value) {
      if (Double.isNaN(value)) {
        return; // as client_java: a NaN has no bucket
      }
      int bucket = 0;
      while (value > upperBounds[bucket]) { // the last bound is +Inf
        bucket++;
      }
      buckets[bucket].increment();
      sum.add(value);
    }

    /** Exemplars are off in the agent: the value is observed, the labels dropped. */
    @Override
    public void observeWithExemplar(double value, Labels exemplarLabels) {
      observe(value);
    }

    @Override
    public long getCount() {
      long count = 0;
      for (LongAdder bucket : buckets) {
        count += bucket.sum();
      }
      return count;
    }

    @Override
    public double getSum() {
      return sum.sum();
    }

    HistogramDataPointSnapshot snapshot(double[] bounds) {
      long[] counts = new long[buckets.length];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = buckets[i].sum();
      }
      return new HistogramDataPointSnapshot(
          ClassicHistogramBuckets.of(bounds, counts),
          sum.sum(),
          labels,
          Exemplars.EMPTY,
          createdMillis);
    }
  }
}
