package io.github.statusexporter.mapping;

import io.github.statusexporter.config.mappingfile.ConfigFile;
import io.github.statusexporter.source.SourceException;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The families that derived metrics make of one read, built as their fields are found: the first
 * field to take a name keeps it, and a name another metric writes is not written twice.
 */
final class DerivedFamilies {
  private enum Kind {
    GAUGE,
    COUNTER,
    STATESET,
    INFO
  }

  private static final class Family {
    final Kind kind;
    final String field;

    /** As the exposition writes it, for skipped values: {@code x_total} for a counter x. */
    final String exposed;

    final MetricMetadata metadata;
    final Set<Labels> seen = new HashSet<>();
    final List<DataPointSnapshot> points = new ArrayList<>();

    Family(Kind kind, String field, String exposed, MetricMetadata metadata) {
      this.kind = kind;
      this.field = field;
      this.exposed = exposed;
      this.metadata = metadata;
    }
  }

  private final Set<String> written;
  private final FieldPlace place;
  private final SkipListener skips;
  private final SeriesBudget budget;
  private final Map<String, Family> families = new LinkedHashMap<>();

  /**
   * @param place where the rule is looking, moved along by it: skips and samples are told there
   */
  DerivedFamilies(Set<String> written, FieldPlace place, SeriesBudget budget) {
    this.written = written;
    this.place = place;
    this.skips = place.skips();
    this.budget = budget;
  }

  void skipped(String metric, SkipReason reason) {
    skips.skipped(metric, reason);
  }

  void gauge(String name, String field, String help, double value, Labels labels)
      throws SourceException {
    Family family = family(Kind.GAUGE, name, field, help);
    if (family != null && finite(family, value) && unique(family, labels)) {
      add(family, GaugeDataPointSnapshot.builder().labels(labels).value(value).build(), 1);
    }
  }

  void counter(String name, String field, String help, double value, Labels labels)
      throws SourceException {
    Family family = family(Kind.COUNTER, name, field, help);
    if (family == null || !finite(family, value) || !unique(family, labels)) {
      return;
    }
    if (value < 0) {
      skips.skipped(family.exposed, SkipReason.NEGATIVE);
      return;
    }
    add(family, CounterDataPointSnapshot.builder().labels(labels).value(value).build(), 1);
  }

  void stateSet(
      String name, String field, String help, List<String> states, String value, Labels labels)
      throws SourceException {
    Family family = family(Kind.STATESET, name, field, help);
    // A state set's own label is its name: a record's label of that name (an MBean's key
    // property) gives way, as in named state sets.
    Labels own = labels.contains(name) ? without(labels, name) : labels;
    if (family == null || !unique(family, own)) {
      return;
    }
    StateSetDataPointSnapshot.Builder point = StateSetDataPointSnapshot.builder().labels(own);
    for (String state : states) {
      point.state(state, state.equals(value));
    }
    add(family, point.build(), states.size());
  }

  void info(String name, String fields, String help, Labels labels) throws SourceException {
    Family family = family(Kind.INFO, name, fields, help);
    if (family != null && unique(family, labels)) {
      add(family, InfoDataPointSnapshot.builder().labels(labels).build(), 1);
    }
  }

  /** The family for {@code field}, made on its first point; null after saying why there is none. */
  private Family family(Kind kind, String name, String field, String help) {
    Family family = families.get(name);
    if (family != null && family.kind == kind && family.field.equals(field)) {
      return family;
    }
    String exposed = exposed(kind, name);
    if (family != null) {
      skips.skipped(exposed, SkipReason.DUPLICATE);
      return null;
    }
    if (!DerivedNames.clean(exposed)) {
      skips.skipped(exposed, SkipReason.UNCLEAN_NAME);
      return null;
    }
    List<String> names = names(kind, name);
    for (String each : names) {
      if (written.contains(each) || reserved(each)) {
        skips.skipped(exposed, SkipReason.DUPLICATE);
        return null;
      }
    }
    written.addAll(names);
    family = new Family(kind, field, exposed, new MetricMetadata(name, help));
    families.put(name, family);
    return family;
  }

  private static String exposed(Kind kind, String name) {
    switch (kind) {
      case COUNTER:
        return name + "_total";
      case INFO:
        return name + "_info";
      default:
        return name;
    }
  }

  /** Every name the exposition writes for a family, as ConfigFile reserves them. */
  private static List<String> names(Kind kind, String name) {
    switch (kind) {
      case COUNTER:
        return List.of(name, name + "_total", name + "_created");
      case INFO:
        return List.of(name, name + "_info");
      default:
        return List.of(name);
    }
  }

  private static boolean reserved(String name) {
    for (String prefix : ConfigFile.RESERVED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private boolean finite(Family family, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      skips.skipped(family.exposed, SkipReason.NOT_FINITE);
      return false;
    }
    return true;
  }

  /** False, after saying so, when two records give the family the same labels. */
  private boolean unique(Family family, Labels labels) {
    if (family.seen.add(labels)) {
      return true;
    }
    skips.skipped(family.exposed, SkipReason.DUPLICATE);
    return false;
  }

  private void add(Family family, DataPointSnapshot point, int series) throws SourceException {
    budget.take(series);
    family.points.add(point);
    place.listener().exported(place, family.exposed);
  }

  /** The families that have points, in the order their fields were found. */
  @SuppressWarnings("unchecked")
  List<MetricSnapshot> snapshots() {
    List<MetricSnapshot> snapshots = new ArrayList<>(families.size());
    for (Family family : families.values()) {
      if (family.points.isEmpty()) {
        continue;
      }
      List<?> points = family.points;
      switch (family.kind) {
        case COUNTER:
          snapshots.add(
              new CounterSnapshot(family.metadata, (List<CounterDataPointSnapshot>) points));
          break;
        case STATESET:
          snapshots.add(
              new StateSetSnapshot(family.metadata, (List<StateSetDataPointSnapshot>) points));
          break;
        case INFO:
          snapshots.add(new InfoSnapshot(family.metadata, (List<InfoDataPointSnapshot>) points));
          break;
        default:
          snapshots.add(new GaugeSnapshot(family.metadata, (List<GaugeDataPointSnapshot>) points));
      }
    }
    return snapshots;
  }

  private static Labels without(Labels labels, String name) {
    List<String> names = new ArrayList<>(labels.size());
    List<String> values = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      if (!labels.getName(i).equals(name)) {
        names.add(labels.getName(i));
        values.add(labels.getValue(i));
      }
    }
    return Labels.of(names, values);
  }
}
