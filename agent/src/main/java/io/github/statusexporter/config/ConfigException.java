package io.github.statusexporter.config;

/**
 * An option or file that cannot be used; the message names the key, the value and what was
 * expected.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * The agent prints the message as one line on stderr, so line breaks in the values it quotes (an
   * environment variable read from a file, a YAML string) are shown escaped, as {@code \n}.
   */
  public ConfigException(String message) {
    super(message.replace("\r", "\\r").replace("\n", "\\n"));
  }
}
