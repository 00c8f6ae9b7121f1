package io.github.statusexporter.config.jmxexporter;

import java.util.Optional;

/**
 * jmx_exporter's {@code httpServer.ssl}: the server's certificate and key, the entry {@code
 * certificate.alias} of a Java keystore of the JVM's default type. A filename or password the file
 * leaves out comes from {@code javax.net.ssl.keyStore} and {@code javax.net.ssl.keyStorePassword},
 * read when the server starts.
 */
public final class KeyStoreSettings {
  /** The system properties jmx_exporter falls back to. */
  public static final String KEY_STORE_PROPERTY = "javax.net.ssl.keyStore";

  public static final String KEY_STORE_PASSWORD_PROPERTY = "javax.net.ssl.keyStorePassword";

  private final String filename;
  private final String password;
  private final String alias;
  private final String filenameWhere;
  private final String passwordWhere;
  private final String aliasWhere;

  KeyStoreSettings(
      String filename,
      String password,
      String alias,
      String filenameWhere,
      String passwordWhere,
      String aliasWhere) {
    this.filename = filename;
    this.password = password;
    this.alias = alias;
    this.filenameWhere = filenameWhere;
    this.passwordWhere = passwordWhere;
    this.aliasWhere = aliasWhere;
  }

  /** {@code keyStore.filename}; empty to use {@value #KEY_STORE_PROPERTY}. */
  public Optional<String> filename() {
    return Optional.ofNullable(filename);
  }

  /** {@code keyStore.password}; empty to use {@value #KEY_STORE_PASSWORD_PROPERTY}. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** {@code certificate.alias}: the only entry served. */
  public String alias() {
    return alias;
  }

  /** Where {@code keyStore.filename} is (or would be) in the file, for messages. */
  public String filenameWhere() {
    return filenameWhere;
  }

  public String passwordWhere() {
    return passwordWhere;
  }

  public String aliasWhere() {
    return aliasWhere;
  }
}
