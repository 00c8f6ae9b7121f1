package io.github.statusexporter.source;

/** Somewhere an application's status can be read from. */
public interface StatusSource {
  /**
   * Reads the status now, blocking the calling thread.
   *
   * @throws SourceException when the status cannot be read or understood
   */
  Reading read() throws SourceException;

  /**
   * Reads the status now, and lets {@code abort} stop the read from another thread if the source
   * can. By default it cannot: the read runs until it ends.
   */
  default Reading read(ReadAbort abort) throws SourceException {
    return read();
  }

  /** What to call the source in a log line, without secrets. */
  String describe();
}
