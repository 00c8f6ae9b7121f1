package io.github.statusexporter.source;

/** Somewhere an application's status can be read from. */
public interface StatusSource {
  /**
   * Reads the status now, blocking the calling thread.
   *
   * @throws SourceException when the status cannot be read or understood
   */
  Reading read() throws SourceException;

  /** What to call the source in a log line, without secrets. */
  String describe();
}
