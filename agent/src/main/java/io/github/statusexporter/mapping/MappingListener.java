package io.github.statusexporter.mapping;

/**
 * Told what a mapping made of each field it looked at: a sample, a label, or nothing and why. Every
 * rule reports through it, so what a scrape counts (the skips) and what the sources page shows
 * (every fate) come from the same code. The place is only valid during the call: it is reused, so
 * that a scrape that only counts skips builds no field paths.
 */
@FunctionalInterface
public interface MappingListener {
  void skipped(FieldPlace place, String metric, SkipReason reason);

  /** The value at {@code place} became a sample of {@code metric}. */
  default void exported(FieldPlace place, String metric) {}

  /** The value at {@code place} became the label {@code label} of a series of {@code metric}. */
  default void labelled(FieldPlace place, String metric, String label) {}

  /** A listener that hears only the skips, and not where they were. */
  static MappingListener of(SkipListener skips) {
    // Not a lambda: the JVM would spin a class for it at the first scrape (~0.1 MB on JDK 25).
    return new MappingListener() {
      @Override
      public void skipped(FieldPlace place, String metric, SkipReason reason) {
        skips.skipped(metric, reason);
      }
    };
  }
}
