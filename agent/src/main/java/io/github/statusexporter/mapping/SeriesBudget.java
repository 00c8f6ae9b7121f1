package io.github.statusexporter.mapping;

import io.github.statusexporter.source.FailureReason;
import io.github.statusexporter.source.SourceException;

/**
 * Counts the series one mapping of a reading makes, and stops the mapping as soon as they pass the
 * source's cap: a document of a million entries costs one series over the cap, not a million.
 */
final class SeriesBudget {
  private final int max;
  private int taken;

  SeriesBudget(int max) {
    this.max = max;
  }

  /**
   * @throws SourceException with {@link FailureReason#TOO_MANY_SERIES} past the cap
   */
  void take(int series) throws SourceException {
    taken += series;
    if (taken > max) {
      throw new SourceException(
          FailureReason.TOO_MANY_SERIES,
          "it maps to more than " + max + " series, the source's max_series");
    }
  }
}
