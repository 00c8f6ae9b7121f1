package io.github.statusexporter.config.jmxexporter;

import java.util.Optional;

/**
 * jmx_exporter's {@code httpServer.authentication.basic}: one user, whose password is given in
 * plain text or as one of its salted hashes, checked as jmx_exporter 1.0.1 checks it.
 */
public final class BasicAuthSettings {
  /** {@code algorithm}'s default, matched without regard to case as jmx_exporter does. */
  public static final String PLAINTEXT = "plaintext";

  private final String username;
  private final String algorithm;
  private final String password;
  private final String passwordHash;
  private final String salt;
  private final int iterations;
  private final int keyLength;

  BasicAuthSettings(
      String username,
      String algorithm,
      String password,
      String passwordHash,
      String salt,
      int iterations,
      int keyLength) {
    this.username = username;
    this.algorithm = algorithm;
    this.password = password;
    this.passwordHash = passwordHash;
    this.salt = salt;
    this.iterations = iterations;
    this.keyLength = keyLength;
  }

  public String username() {
    return username;
  }

  /**
   * {@link #PLAINTEXT}, {@code SHA-1}, {@code SHA-256}, {@code SHA-512} or {@code PBKDF2With...}.
   */
  public String algorithm() {
    return algorithm;
  }

  public boolean isPlaintext() {
    return PLAINTEXT.equals(algorithm);
  }

  public boolean isPbkdf2() {
    return algorithm.startsWith("PBKDF2");
  }

  /** The password itself, with {@code algorithm: plaintext}. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** The hash in hex (colons and upper case allowed), with the other algorithms. */
  public Optional<String> passwordHash() {
    return Optional.ofNullable(passwordHash);
  }

  public Optional<String> salt() {
    return Optional.ofNullable(salt);
  }

  /** PBKDF2's rounds. */
  public int iterations() {
    return iterations;
  }

  /** PBKDF2's key length in bytes (jmx_exporter derives {@code keyLength * 8} bits). */
  public int keyLength() {
    return keyLength;
  }
}
