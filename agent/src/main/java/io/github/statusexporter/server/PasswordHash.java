package io.github.statusexporter.server;

/**
 * A user's password as a configuration stores it: a bcrypt hash (exporter-toolkit), one of
 * jmx_exporter's salted digests, or jmx_exporter's plain text. {@link PasswordCheck} keeps what all
 * of them share: constant-time lookups, remembered successes, hashing in turns.
 */
interface PasswordHash {
  /**
   * Whether {@code password} is this one; never throws (a hash that cannot be used never matches).
   */
  boolean matches(byte[] password);

  /**
   * How much one {@link #matches} costs, in units comparable within one scheme: an unknown user is
   * checked against the costliest hash, so that no name answers sooner.
   */
  long cost();
}
