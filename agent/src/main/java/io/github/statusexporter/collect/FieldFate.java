package io.github.statusexporter.collect;

import io.github.statusexporter.mapping.SkipReason;

/** What a mapping made of one field for one metric: a sample, a label, or nothing and why. */
public final class FieldFate {
  private final String metric;
  private final String label;
  private final SkipReason skipped;

  private FieldFate(String metric, String label, SkipReason skipped) {
    this.metric = metric;
    this.label = label;
    this.skipped = skipped;
  }

  static FieldFate value(String metric) {
    return new FieldFate(metric, null, null);
  }

  static FieldFate label(String metric, String label) {
    return new FieldFate(metric, label, null);
  }

  static FieldFate skipped(String metric, SkipReason reason) {
    return new FieldFate(metric, null, reason);
  }

  /** The metric as exposed, {@code _total} and all. */
  public String metric() {
    return metric;
  }

  /** The label the field's value became; null when it became a sample or was skipped. */
  public String label() {
    return label;
  }

  /** Why the field gave the metric nothing; null when it was used. */
  public SkipReason skipped() {
    return skipped;
  }
}
