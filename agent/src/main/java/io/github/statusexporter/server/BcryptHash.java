package io.github.statusexporter.server;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** A bcrypt hash of {@code basic_auth_users} ({@code $2y$10$...}), checked by BouncyCastle. */
final class BcryptHash implements PasswordHash {
  private final String hash;

  BcryptHash(String hash) {
    this.hash = hash;
  }

  @Override
  public boolean matches(byte[] password) {
    try {
      return OpenBSDBCrypt.checkPassword(hash, password);
    } catch (RuntimeException e) {
      return false; // a hash BouncyCastle cannot read never matches
    }
  }

  /** 2 to the power of the cost in the hash ({@code $2y$12$...} costs 12). */
  @Override
  public long cost() {
    try {
      return 1L << Integer.parseInt(hash.substring(4, 6));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  @Override
  public String toString() {
    return hash;
  }
}
