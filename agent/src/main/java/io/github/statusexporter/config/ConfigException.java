package io.github.statusexporter.config;

/**
 * An option or file that cannot be used; the message names the key, the value and what was
 * expected.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
