package io.github.statusexporter.config.mappingfile;

import io.github.statusexporter.source.StatusSource;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how one status source is read: what one {@link SourceKind} made of the {@code source}
 * option or of a source of the mapping file, its own settings included.
 */
public interface SourceAddress {
  /**
   * A source that reads it.
   *
   * @param userAgent how the source names the agent to an application it asks, if it asks one
   * @throws IOException or GeneralSecurityException when a file it names (a CA file) no longer
   *     loads
   */
  StatusSource open(Duration timeout, String userAgent)
      throws IOException, GeneralSecurityException;

  /**
   * The URL path this source requests from the application's own HTTP server, so that request
   * metrics can leave the agent's reads out; empty for a source that sends no HTTP request.
   */
  default Optional<String> requestPath() {
    return Optional.empty();
  }

  /** The address for a log line, without secrets (a URL's user info and query values masked). */
  @Override
  String toString();
}
