package io.github.statusexporter.mapping;

import io.github.statusexporter.config.MetricDefinition;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import java.util.Map;

/** A family whose values are numbers: numeric fields, or strings looked up in a table, scaled. */
abstract class NumberRule<P extends DataPointSnapshot> extends FieldRule<P> {
  private final Map<String, Double> table;
  private final double scale;

  NumberRule(MetricDefinition definition) {
    super(definition);
    table = definition.values();
    scale = definition.scale();
  }

  /** The value as a finite number, or null after telling {@code skips} why not. */
  final Double number(Object value, SkipListener skips) {
    Double number;
    if (!table.isEmpty() && value instanceof String) {
      number = table.get(value);
      if (number == null) {
        skips.skipped(name, SkipReason.UNKNOWN_STATE);
        return null;
      }
    } else {
      number = Values.asNumber(value);
      if (number == null) {
        skips.skipped(name, SkipReason.WRONG_TYPE);
        return null;
      }
    }
    double scaled = number * scale;
    if (Double.isNaN(scaled) || Double.isInfinite(scaled)) {
      skips.skipped(name, SkipReason.NOT_FINITE);
      return null;
    }
    return scaled;
  }
}
