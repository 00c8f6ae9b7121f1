package io.github.statusexporter.mapping;

import java.math.BigDecimal;

/** Conversions from the values a source gives to sample values. */
final class Values {
  private Values() {}

  /**
   * The value as a number: numbers as they are, booleans as 1 or 0, strings that are decimal
   * numbers ({@code "42"}, {@code "1.5e3"}); null for anything else.
   */
  static Double asNumber(Object value) {
    if (value instanceof Double) {
      return (Double) value;
    }
    if (value instanceof Boolean) {
      return (Boolean) value ? 1.0 : 0.0;
    }
    if (value instanceof String) {
      try {
        // BigDecimal, unlike Double.parseDouble, refuses "NaN", "0x1p3" and "1d".
        return new BigDecimal(((String) value).trim()).doubleValue();
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A scalar as a label value ({@code 3.0} reads {@code 3}); null for anything else. */
  static String asLabel(Object value) {
    if (value instanceof Double) {
      double number = (Double) value;
      return number == Math.rint(number) && Math.abs(number) < 1e15
          ? Long.toString((long) number)
          : Double.toString(number);
    }
    if (value instanceof String || value instanceof Boolean) {
      return value.toString();
    }
    return null;
  }
}
