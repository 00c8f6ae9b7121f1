package io.github.statusexporter.server;

/**
 * What each status source read and what became of its fields, rendered when {@code /-/sources} is
 * asked for; the server only picks the form and guards it as it guards {@code /metrics}.
 */
public interface SourcesPage {
  /** For {@code curl} and scripts: the default. */
  byte[] json();

  /** For a browser: every value from a source escaped. */
  byte[] html();
}
