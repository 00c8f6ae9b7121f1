package io.github.statusexporter.jmxrules;

/** What one scrape did, for the self-metrics and the tests that check the memo works. */
final class ScrapeCounts {
  /** Values whose outcome was taken from what an earlier scrape decided. */
  int memoized;

  /** Rules matched against a value's text. */
  int matched;

  /** MBeans or values that failed (read errors, rules that could not be applied). */
  int errors;
}
