package io.github.statusexporter.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

final class Stats {
  private Stats() {}

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The nearest-rank percentile, {@code p} from 0 to 100. */
  static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** The nearest-rank p25-p75, in brackets: the spread this suite reports beside medians. */
  static String spread(List<Double> values) {
    return "(" + format(percentile(values, 25)) + "-" + format(percentile(values, 75)) + ")";
  }

  /** The median, and the p25-p75 in brackets. */
  static String withSpread(List<Double> values) {
    return format(median(values)) + " " + spread(values);
  }

  /** A Markdown table row of these cells. */
  static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |";
  }

  static String format(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
  }
}
