package io.github.statusexporter.mapping;

/** Told when a metric is left out of a scrape because its field was not usable. */
@FunctionalInterface
public interface SkipListener {
  void skipped(String metric, SkipReason reason);
}
