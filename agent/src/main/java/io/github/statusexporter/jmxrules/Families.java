package io.github.statusexporter.jmxrules;

import io.github.statusexporter.config.jmxexporter.JmxRule;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The samples of one scrape grouped into families as jmx_exporter 1.0.1 groups them: by name; the
 * type that all share, else untyped; the first sample's help; and when two samples of a family have
 * the same labels, an {@code _objectname} label on every sample to tell them apart.
 *
 * <p>A family whose samples are those of the walk before, the same rule outcomes with the same
 * values, is that walk's snapshot again, and its samples are compared as they come without being
 * kept again: most MBean attributes do not change between scrapes (settings, limits, sizes), and
 * making a snapshot sorts and checks its series anew.
 */
final class Families {
  private static final String OBJECT_NAME = "_objectname";

  /** This walk's samples by family, sized as the walk before's. */
  private final Map<String, Gathered> byName;

  /** The walk before's families, by name. */
  private final Map<String, Made> before;

  /** This walk's, for the next one. */
  private final Map<String, Made> made;

  /** A family as made, and the samples it was made of. */
  static final class Made {
    final List<Sample> samples;
    final MetricSnapshot snapshot;

    Made(List<Sample> samples, MetricSnapshot snapshot) {
      this.samples = samples;
      this.snapshot = snapshot;
    }
  }

  /**
   * @param before what {@link #made()} returned after the walk before, or an empty map
   */
  Families(Map<String, Made> before) {
    this.before = before;
    int capacity = before.size() * 4 / 3 + 1;
    this.byName = new LinkedHashMap<>(capacity);
    this.made = new HashMap<>(capacity);
  }

  /** This walk's families by name, once {@link #build} has run: the next walk's {@code before}. */
  Map<String, Made> made() {
    return made;
  }

  void add(Outcome outcome, double value, Object attributeValue) {
    Gathered family = byName.get(outcome.name);
    if (family == null) {
      family = new Gathered(before.get(outcome.name));
      byName.put(outcome.name, family);
    }
    family.add(outcome, value, attributeValue);
  }

  /** The families, each handed to {@code consumer}; one that cannot be made is passed to none. */
  void build(Consumer<MetricSnapshot> consumer, Consumer<String> unusable) {
    for (Map.Entry<String, Gathered> family : byName.entrySet()) {
      String name = family.getKey();
      Gathered gathered = family.getValue();
      Made now;
      if (gathered.unchanged()) {
        now = gathered.last;
      } else {
        List<Sample> samples = gathered.samples();
        try {
          now = new Made(samples, snapshot(name, samples));
        } catch (IllegalArgumentException e) {
          unusable.accept(name + " (" + e.getMessage() + ")");
          continue;
        }
      }
      made.put(name, now);
      consumer.accept(now.snapshot);
    }
  }

  /**
   * One family's samples in this walk, compared with the walk before's as they come: while they are
   * the same, nothing is allocated for them.
   */
  private static final class Gathered {
    final Made last;

    /** How many of the first samples are those of {@link #last}. */
    private int same;

    /** The samples, once one differs from the walk before's; null until then. */
    private List<Sample> differing;

    Gathered(Made last) {
      this.last = last;
    }

    void add(Outcome outcome, double value, Object attributeValue) {
      if (differing == null) {
        if (last != null
            && same < last.samples.size()
            && last.samples.get(same).sameAs(outcome, value, attributeValue)) {
          same++;
          return;
        }
        differing = new ArrayList<>(last == null ? 1 : Math.max(last.samples.size(), same + 1));
        if (last != null) {
          differing.addAll(last.samples.subList(0, same));
        }
      }
      differing.add(new Sample(outcome, value, attributeValue));
    }

    boolean unchanged() {
      return differing == null && last != null && same == last.samples.size();
    }

    /** The samples of a family that changed (the walk before's first ones, when it lost some). */
    List<Sample> samples() {
      return differing != null ? differing : new ArrayList<>(last.samples.subList(0, same));
    }
  }

  private static MetricSnapshot snapshot(String name, List<Sample> samples) {
    JmxRule.Type type = samples.get(0).outcome.type;
    Set<Labels> distinct = new HashSet<>();
    boolean unique = true;
    for (Sample sample : samples) {
      unique &= distinct.add(sample.outcome.labels);
      if (sample.outcome.type != type) {
        type = JmxRule.Type.UNKNOWN;
      }
    }
    MetricMetadata metadata = samples.get(0).outcome.metadata();
    switch (type) {
      case COUNTER:
        List<CounterSnapshot.CounterDataPointSnapshot> counters = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
          counters.add(
              CounterSnapshot.CounterDataPointSnapshot.builder()
                  .labels(sample.labels(unique))
                  .value(sample.value)
                  .build());
        }
        return new CounterSnapshot(metadata, counters);
      case GAUGE:
        List<GaugeSnapshot.GaugeDataPointSnapshot> gauges = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
          gauges.add(
              GaugeSnapshot.GaugeDataPointSnapshot.builder()
                  .labels(sample.labels(unique))
                  .value(sample.value)
                  .build());
        }
        return new GaugeSnapshot(metadata, gauges);
      default:
        List<UnknownSnapshot.UnknownDataPointSnapshot> unknowns = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
          unknowns.add(
              UnknownSnapshot.UnknownDataPointSnapshot.builder()
                  .labels(sample.labels(unique))
                  .value(sample.value)
                  .build());
        }
        return new UnknownSnapshot(metadata, unknowns);
    }
  }

  private static final class Sample {
    final Outcome outcome;
    final double value;
    final Object attributeValue;

    Sample(Outcome outcome, double value, Object attributeValue) {
      this.outcome = outcome;
      this.value = value;
      this.attributeValue = attributeValue;
    }

    /** The same rule outcome (outcomes are kept between walks), value and attribute value. */
    boolean sameAs(Outcome outcome, double value, Object attributeValue) {
      return outcome == this.outcome
          && Double.doubleToLongBits(value) == Double.doubleToLongBits(this.value)
          && Objects.equals(attributeValue, this.attributeValue);
    }

    Labels labels(boolean unique) {
      return unique ? outcome.labels : outcome.labels.merge(Labels.of(OBJECT_NAME, objectName()));
    }

    /**
     * jmx_exporter's pattern input up to its last colon: the prefix, unless the value's text has a
     * colon of its own.
     */
    private String objectName() {
      String value = outcome.prefix + ": " + attributeValue;
      return value.substring(0, value.lastIndexOf(':'));
    }
  }
}
