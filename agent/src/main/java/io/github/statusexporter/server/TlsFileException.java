package io.github.statusexporter.server;

/**
 * A certificate, key or CA file of {@code tls_server_config} that cannot be used. The message never
 * holds the file's content.
 */
final class TlsFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * @param key the key of {@code tls_server_config} that names the file, such as {@code key_file}
   */
  TlsFileException(String key, String message) {
    super(message);
    this.key = key;
  }

  String key() {
    return key;
  }
}
