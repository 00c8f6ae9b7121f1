package io.github.statusexporter.mapping;

import io.github.statusexporter.config.mappingfile.DerivedMetricsDefinition;
import io.github.statusexporter.source.FieldPath;
import io.github.statusexporter.source.Reading;
import io.github.statusexporter.source.Record;
import io.github.statusexporter.source.SourceException;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Metric families derived from the fields of each record ({@code fields: "*"}): a gauge or counter
 * per numeric or boolean field, nested objects flattened with {@code _}; string fields as the
 * labels of an info series or as state sets where the mapping says so. Other values (strings,
 * lists) are passed by, unless the field is named rather than globbed.
 *
 * <p>The names are known only once the source is read, so clashes are settled on each read: a name
 * that the mapping's named metrics, an earlier derived metric or the agent's own families write is
 * not written again ({@link SkipReason#DUPLICATE}), nor one promtool would warn about ({@link
 * SkipReason#UNCLEAN_NAME}).
 */
final class DerivedMetricsRule {
  private final String prefix;
  private final String origin;
  private final FieldGlobs fields;
  private final FieldGlobs exclude;
  private final FieldGlobs counters;

  /** Fields named, not globbed: said missing when a record lacks them. */
  private final List<String> namedFields = new ArrayList<>();

  /** Info label → its field. */
  private final Map<String, FieldPath> info = new LinkedHashMap<>();

  private final String infoHelp;
  private final Map<String, FieldPath> stateFields = new LinkedHashMap<>();
  private final Map<String, List<String>> states;

  /** Fields that are labels or states, never numbers, in {@link FieldGlobs#normal} form. */
  private final Set<String> described = new HashSet<>();

  DerivedMetricsRule(DerivedMetricsDefinition definition) {
    prefix = definition.prefix();
    origin = definition.origin();
    fields = new FieldGlobs(definition.fields());
    exclude = new FieldGlobs(definition.exclude());
    counters = new FieldGlobs(definition.counters());
    for (String field : definition.info()) {
      info.put(label(DerivedNames.part(field)), FieldPath.parse(field));
      described.add(FieldGlobs.normal(field));
    }
    infoHelp = "Fields " + String.join(", ", definition.info()) + " of " + origin;
    states = definition.states();
    for (String field : states.keySet()) {
      stateFields.put(field, FieldPath.parse(field));
      described.add(FieldGlobs.normal(field));
    }
    for (String field : definition.fields()) {
      if (!field.contains("*") && !described.contains(FieldGlobs.normal(field))) {
        namedFields.add(field);
      }
    }
  }

  /**
   * Adds the families of {@code reading} to {@code families}.
   *
   * @param written every name the exposition writes so far; this adds its own
   * @throws SourceException with {@link
   *     io.github.statusexporter.source.FailureReason#TOO_MANY_SERIES} as soon as the budget is
   *     spent
   */
  void apply(
      Reading reading,
      Set<String> written,
      MappingListener listener,
      SeriesBudget budget,
      List<MetricSnapshot> families)
      throws SourceException {
    FieldPlace place = new FieldPlace(listener);
    DerivedFamilies derived = new DerivedFamilies(written, place, budget);
    // The MBeans of a pattern have the same attributes: each is judged once per read.
    Map<String, TopField> judged = new HashMap<>();
    for (Record record : reading.records()) {
      place.atRecord(record, null);
      Labels labels = labels(record.labels(), Map.of());
      Set<String> present = namedFields.isEmpty() ? null : new HashSet<>();
      for (Map.Entry<String, Object> entry : record.document().entrySet()) {
        TopField top = judged.computeIfAbsent(entry.getKey(), this::judge);
        if (present != null) {
          present.add(top.normal);
        }
        if (top.field != null) {
          derive(derived, place, top.field, entry.getValue(), top.named, labels);
        }
      }
      if (present != null) {
        for (String field : namedFields) {
          if (!present.contains(FieldGlobs.normal(field))) {
            place.atPath(field);
            derived.skipped(prefix + DerivedNames.part(field), SkipReason.MISSING);
          }
        }
      }
      info(derived, place, record);
      states(derived, place, record, labels);
    }
    families.addAll(derived.snapshots());
  }

  /** What a top-level field is to this entry. */
  private static final class TopField {
    final String normal;

    /** Null when the field is not selected, excluded, or a label or state. */
    final Field field;

    /** Named in {@code fields:}, not only globbed. */
    final boolean named;

    TopField(String normal, Field field, boolean named) {
      this.normal = normal;
      this.field = field;
      this.named = named;
    }
  }

  private TopField judge(String key) {
    String normal = FieldGlobs.normal(key);
    boolean selected =
        !described.contains(normal) && fields.matches(normal) && !exclude.matches(normal);
    Field field =
        selected ? new Field(DerivedNames.part(key), key, counters.matches(normal)) : null;
    return new TopField(normal, field, fields.names(normal));
  }

  /** A field on the way down: its name's derived part, its path, whether it counts. */
  private final class Field {
    final String name;
    final String path;
    final boolean counter;

    /** The family's name: a gauge's, or a counter's without {@code _total}. */
    final String metric;

    final String help;

    Field(String name, String path, boolean counter) {
      this.name = name;
      this.path = path;
      this.counter = counter;
      metric = counter ? DerivedNames.counter(prefix + name) : DerivedNames.gauge(prefix + name);
      help = "Field " + path + " of " + origin;
    }
  }

  private void derive(
      DerivedFamilies derived,
      FieldPlace place,
      Field field,
      Object value,
      boolean named,
      Labels labels)
      throws SourceException {
    if (value instanceof Map) {
      for (Map.Entry<?, ?> nested : ((Map<?, ?>) value).entrySet()) {
        String key = String.valueOf(nested.getKey());
        String name = field.name + "_" + DerivedNames.part(key);
        String normal = FieldGlobs.normal(name);
        if (!exclude.matches(normal)) {
          Field inner =
              new Field(name, field.path + "." + key, field.counter || counters.matches(normal));
          derive(derived, place, inner, nested.getValue(), false, labels);
        }
      }
      return;
    }
    place.atPath(field.path);
    if (!(value instanceof Double || value instanceof Boolean)) {
      if (named) {
        derived.skipped(prefix + field.name, SkipReason.WRONG_TYPE);
      }
      return;
    }
    double number = Values.asNumber(value);
    if (field.counter) {
      derived.counter(field.metric, field.path, field.help, number, labels);
    } else {
      derived.gauge(field.metric, field.path, field.help, number, labels);
    }
  }

  /** One {@code <prefix>info} series per record that has any of the info fields. */
  private void info(DerivedFamilies derived, FieldPlace place, Record record)
      throws SourceException {
    if (info.isEmpty()) {
      return;
    }
    Map<String, String> values = new TreeMap<>();
    // Where each value was found, as the document names it: the page shows each field's fate.
    Map<String, String> paths = new LinkedHashMap<>();
    for (Map.Entry<String, FieldPath> field : info.entrySet()) {
      String value = Values.asLabel(field.getValue().resolve(record.document()));
      if (value != null) {
        values.put(field.getKey(), value);
        paths.put(field.getKey(), field.getValue().pathIn(record.document()));
      }
    }
    String name = prefix.endsWith("_") ? prefix.substring(0, prefix.length() - 1) : prefix;
    if (values.isEmpty()) {
      place.atPath(info.values().iterator().next().pathIn(record.document()));
      derived.skipped(name + "_info", SkipReason.MISSING);
      return;
    }
    Iterator<Map.Entry<String, String>> found = paths.entrySet().iterator();
    place.atPath(found.next().getValue());
    derived.info(name, "info", infoHelp, labels(record.labels(), values));
    while (found.hasNext()) {
      Map.Entry<String, String> label = found.next();
      place.atPath(label.getValue());
      place.listener().labelled(place, name + "_info", label.getKey());
    }
  }

  private void states(DerivedFamilies derived, FieldPlace place, Record record, Labels labels)
      throws SourceException {
    for (Map.Entry<String, FieldPath> field : stateFields.entrySet()) {
      place.atPath(field.getValue().pathIn(record.document()));
      String name = DerivedNames.gauge(prefix + DerivedNames.part(field.getKey()));
      Object value = field.getValue().resolve(record.document());
      List<String> known = states.get(field.getKey());
      if (value == null) {
        derived.skipped(name, SkipReason.MISSING);
      } else if (!(value instanceof String)) {
        derived.skipped(name, SkipReason.WRONG_TYPE);
      } else if (!known.contains(value)) {
        derived.skipped(name, SkipReason.UNKNOWN_STATE);
      } else {
        String help = "Field " + field.getKey() + " of " + origin;
        derived.stateSet(name, field.getKey(), help, known, (String) value, labels);
      }
    }
  }

  /** A label name from a field's derived part: never starting with a digit, never empty. */
  private static String label(String part) {
    return part.isEmpty() || Character.isDigit(part.charAt(0)) ? "field_" + part : part;
  }

  /** The record's labels with {@code extra}, which win, as the mapping's labels do elsewhere. */
  private static Labels labels(Map<String, String> recordLabels, Map<String, String> extra) {
    if (recordLabels.isEmpty() && extra.isEmpty()) {
      return Labels.EMPTY;
    }
    Map<String, String> all = new TreeMap<>(recordLabels);
    all.putAll(extra);
    return Labels.of(new ArrayList<>(all.keySet()), new ArrayList<>(all.values()));
  }
}
