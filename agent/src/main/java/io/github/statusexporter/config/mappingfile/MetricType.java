package io.github.statusexporter.config.mappingfile;

import java.util.Locale;

/** What kind of metric family a mapped field becomes. */
public enum MetricType {
  GAUGE,
  COUNTER,
  STATESET,
  INFO;

  /** The spelling in the configuration file. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
