package io.github.statusexporter.source;

/** A failed read of a status source, with a bounded reason and a message for people. */
public final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final FailureReason reason;

  public SourceException(FailureReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public FailureReason reason() {
    return reason;
  }
}
