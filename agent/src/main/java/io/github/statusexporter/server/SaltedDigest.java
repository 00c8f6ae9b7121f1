package io.github.statusexporter.server;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * jmx_exporter's {@code SHA-1}, {@code SHA-256} and {@code SHA-512} passwords: the hex of SHA(salt
 * + ":" + password), exactly as its MessageDigestAuthenticator (1.0.1) makes and compares it,
 * quirks included: the hex of the computed digest has no leading zeros (it is printed as a number),
 * and the configured hash is lowercased and has its colons removed. A configured hash with a
 * leading zero therefore never matches, there or here ({@link JmxExporterPasswords} says so).
 */
final class SaltedDigest implements PasswordHash {
  private final String algorithm;
  private final byte[] saltAndColon;
  private final byte[] expectedHex;

  /**
   * @throws NoSuchAlgorithmException when this JVM has no such digest
   */
  SaltedDigest(String algorithm, String salt, String passwordHash) throws NoSuchAlgorithmException {
    MessageDigest.getInstance(algorithm);
    this.algorithm = algorithm;
    this.saltAndColon = (salt + ":").getBytes(StandardCharsets.UTF_8);
    this.expectedHex = normalized(passwordHash).getBytes(StandardCharsets.US_ASCII);
  }

  /** As jmx_exporter keeps the configured hash: lowercase, colons removed. */
  static String normalized(String passwordHash) {
    return passwordHash.toLowerCase(java.util.Locale.ROOT).replace(":", "");
  }

  @Override
  public boolean matches(byte[] password) {
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      digest.update(saltAndColon);
      String hex = new BigInteger(1, digest.digest(password)).toString(16);
      return MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII), expectedHex);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public long cost() {
    return 1;
  }
}
