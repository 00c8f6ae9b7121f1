package io.github.statusexporter.collect;

import io.github.statusexporter.source.FailureReason;
import io.github.statusexporter.source.Reading;
import java.time.Instant;

/**
 * A source's last read as a scrape saw it: when it began, how long the scrape waited for it, and
 * what it gave. Kept for the sources page; it holds the reading the source keeps anyway.
 */
public final class LastRead {
  private final Instant at;
  private final double seconds;
  private final Reading reading;
  private final FailureReason failure;
  private final String message;

  private LastRead(
      Instant at, double seconds, Reading reading, FailureReason failure, String message) {
    this.at = at;
    this.seconds = seconds;
    this.reading = reading;
    this.failure = failure;
    this.message = message;
  }

  static LastRead up(Instant at, double seconds, Reading reading) {
    return new LastRead(at, seconds, reading, null, null);
  }

  /**
   * @param reading what was read when it is the mapping that failed (too many series); else null
   */
  static LastRead failed(
      Instant at, double seconds, Reading reading, FailureReason failure, String message) {
    return new LastRead(at, seconds, reading, failure, message);
  }

  public Instant at() {
    return at;
  }

  public double seconds() {
    return seconds;
  }

  /** What was read; null when nothing could be. */
  public Reading reading() {
    return reading;
  }

  public boolean isUp() {
    return failure == null;
  }

  /** Why the read failed; null when it is up. */
  public FailureReason failure() {
    return failure;
  }

  /** What went wrong, in words, secrets masked; null when it is up. */
  public String message() {
    return message;
  }
}
