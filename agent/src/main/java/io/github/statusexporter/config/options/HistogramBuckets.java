package io.github.statusexporter.config.options;

import java.util.Locale;

/** Which buckets the request duration histogram keeps: the {@code histogram} option. */
public enum HistogramBuckets {
  /**
   * Classic buckets in every format, native buckets too for protobuf scrapes. Native buckets cost
   * about 40 ns and 32 bytes more per request (client_java boxes their index).
   */
  BOTH,
  /** Classic buckets only, the default: nothing allocated per request. */
  CLASSIC,
  /** Native buckets only; text-format scrapes then see only the count and sum. */
  NATIVE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
