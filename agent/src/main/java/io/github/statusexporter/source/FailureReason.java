package io.github.statusexporter.source;

import java.util.Locale;

/** Why a read of a status source failed: a small fixed set, so it can be a metric label. */
public enum FailureReason {
  CONNECTION_REFUSED,
  NOT_FOUND,
  TIMEOUT,
  HTTP_STATUS,
  TOO_LARGE,
  INVALID_JSON,
  IO_ERROR,
  INTERNAL_ERROR;

  /** The value of the {@code reason} label. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
