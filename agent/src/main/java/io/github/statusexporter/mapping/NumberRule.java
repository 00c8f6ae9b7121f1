package io.github.statusexporter.mapping;

import io.github.statusexporter.config.mappingfile.MetricDefinition;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import java.math.BigDecimal;
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
        skips.skipped(exposedName, SkipReason.UNKNOWN_STATE);
        return null;
      }
    } else {
      number = Values.asNumber(value);
      if (number == null) {
        skips.skipped(exposedName, SkipReason.WRONG_TYPE);
        return null;
      }
    }
    double scaled = scale == 1.0 ? number : scaled(number);
    if (Double.isNaN(scaled) || Double.isInfinite(scaled)) {
      skips.skipped(exposedName, SkipReason.NOT_FINITE);
      return null;
    }
    return scaled;
  }

  /**
   * In decimal, as a person would scale it: 569 ms at 0.001 is 0.569 s, where the binary product
   * prints 0.5690000000000001.
   */
  private double scaled(double number) {
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      return number;
    }
    return BigDecimal.valueOf(number).multiply(BigDecimal.valueOf(scale)).doubleValue();
  }
}
