package io.github.statusexporter.source;

import java.util.Locale;

/** Why a read of a status source failed: a small fixed set, so it can be a metric label. */
public enum FailureReason {
  CONNECTION_REFUSED,
  NOT_FOUND,
  TIMEOUT,
  HTTP_STATUS,
  /** The port is open but what answers there does not speak HTTP (a debugger, a database). */
  NOT_HTTP,
  TOO_LARGE,
  INVALID_JSON,
  IO_ERROR,
  /** The reading maps to more series than the source may have (its {@code max_series}). */
  TOO_MANY_SERIES,
  INTERNAL_ERROR;

  /** The value of the {@code reason} label. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
