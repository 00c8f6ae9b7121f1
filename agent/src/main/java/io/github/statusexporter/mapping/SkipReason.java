package io.github.statusexporter.mapping;

import java.util.Locale;

/** Why a mapped metric has no sample in a scrape: a small fixed set, usable as a label. */
public enum SkipReason {
  MISSING,
  WRONG_TYPE,
  NOT_FINITE,
  NEGATIVE,
  UNKNOWN_STATE,
  DUPLICATE,
  /** A derived name that promtool would warn about, such as one with an abbreviated unit. */
  UNCLEAN_NAME;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
