package io.github.statusexporter.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * jmx_exporter's {@code algorithm: plaintext}. Compared as SHA-256 digests, in constant time: the
 * time taken tells neither how much of the password was right nor how long it is.
 */
final class PlainPassword implements PasswordHash {
  private final byte[] digest;

  PlainPassword(String password) {
    this.digest = sha256(password.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean matches(byte[] password) {
    return MessageDigest.isEqual(digest, sha256(password));
  }

  @Override
  public long cost() {
    return 0;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
