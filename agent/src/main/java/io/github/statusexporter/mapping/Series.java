package io.github.statusexporter.mapping;

import io.github.statusexporter.config.mappingfile.MetricDefinition;
import io.github.statusexporter.source.FieldPath;
import io.github.statusexporter.source.Record;
import io.github.statusexporter.source.SourceException;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which series a metric has in a record, and their labels: one for the whole document, or one per
 * entry of an object or array ({@code each}), labelled with the entry's key.
 */
final class Series {
  /** Receives each series: the document or entry its fields are read from, and its labels. */
  interface Sink {
    void accept(Object context, Labels labels) throws SourceException;
  }

  private final String metric;
  private final FieldPath each;
  private final String keyLabel;
  private final Map<String, String> constantLabels;
  private final Map<String, FieldPath> labelFields = new LinkedHashMap<>();

  Series(MetricDefinition definition) {
    metric = definition.exposedName();
    each = definition.each() == null ? null : FieldPath.parse(definition.each());
    keyLabel = definition.keyLabel();
    constantLabels = definition.labels();
    for (Map.Entry<String, String> label : definition.labelFields().entrySet()) {
      labelFields.put(label.getKey(), FieldPath.parse(label.getValue()));
    }
  }

  /** Each series of {@code record}; what cannot be read is reported at {@code place}. */
  void forEach(Record record, FieldPlace place, Sink sink) throws SourceException {
    place.atRecord(record, each);
    if (each == null) {
      emit(record, record.document(), null, false, place, sink);
      return;
    }
    Object entries = record.get(each);
    if (entries instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) entries).entrySet()) {
        emit(record, entry.getValue(), String.valueOf(entry.getKey()), false, place, sink);
      }
    } else if (entries instanceof List) {
      List<?> list = (List<?>) entries;
      for (int i = 0; i < list.size(); i++) {
        emit(record, list.get(i), String.valueOf(i), true, place, sink);
      }
    } else {
      place.skips().skipped(metric, entries == null ? SkipReason.MISSING : SkipReason.WRONG_TYPE);
    }
  }

  private void emit(
      Record record, Object context, String key, boolean indexed, FieldPlace place, Sink sink)
      throws SourceException {
    place.atEntry(key, indexed, context);
    Map<String, String> labels = new TreeMap<>();
    for (Map.Entry<String, String> label : record.labels().entrySet()) {
      // A state set's own label, and labels the mapping sets, win over an MBean's key property.
      if (!label.getKey().equals(metric)) {
        labels.put(label.getKey(), label.getValue());
      }
    }
    if (key != null && keyLabel != null) {
      labels.put(keyLabel, key);
    }
    labels.putAll(constantLabels);
    for (Map.Entry<String, FieldPath> field : labelFields.entrySet()) {
      place.atField(field.getValue());
      String value = Values.asLabel(field.getValue().resolve(context));
      if (value == null) {
        place.skips().skipped(metric, SkipReason.MISSING);
        return;
      }
      place.listener().labelled(place, metric, field.getKey());
      labels.put(field.getKey(), value);
    }
    place.atField(null);
    sink.accept(
        context,
        labels.isEmpty()
            ? Labels.EMPTY
            : Labels.of(new ArrayList<>(labels.keySet()), new ArrayList<>(labels.values())));
  }
}
