package io.github.statusexporter.collect;

import java.util.List;
import java.util.Map;

/** One record of a reading on the sources page: its labels and the fields shown. */
public final class RecordReport {
  private final Map<String, String> labels;
  private final List<FieldReport> fields;

  RecordReport(Map<String, String> labels, List<FieldReport> fields) {
    this.labels = labels;
    this.fields = List.copyOf(fields);
  }

  /** What tells the record apart from the others, such as an MBean's key properties. */
  public Map<String, String> labels() {
    return labels;
  }

  public List<FieldReport> fields() {
    return fields;
  }
}
