package io.github.statusexporter.server;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.jmxexporter.BasicAuthSettings;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/** The one user of jmx_exporter's {@code httpServer.authentication.basic}, for a PasswordCheck. */
final class JmxExporterPasswords {
  private JmxExporterPasswords() {}

  /**
   * @param where the file and section, for messages
   * @throws ConfigException when this JVM lacks the algorithm (jmx_exporter refuses then too)
   */
  static PasswordCheck check(BasicAuthSettings basic, String where) throws ConfigException {
    return new PasswordCheck(Map.of(basic.username(), hash(basic, where)));
  }

  static PasswordHash hash(BasicAuthSettings basic, String where) throws ConfigException {
    try {
      if (basic.isPlaintext()) {
        return new PlainPassword(basic.password().orElseThrow());
      }
      if (basic.isPbkdf2()) {
        return new Pbkdf2Hash(
            basic.algorithm(),
            basic.salt().orElseThrow(),
            basic.iterations(),
            basic.keyLength(),
            basic.passwordHash().orElseThrow());
      }
      return new SaltedDigest(
          basic.algorithm(), basic.salt().orElseThrow(), basic.passwordHash().orElseThrow());
    } catch (NoSuchAlgorithmException e) {
      throw new ConfigException(
          where
              + ".authentication.basic.algorithm: this JVM has no "
              + basic.algorithm()
              + " ("
              + e.getMessage()
              + ")");
    }
  }
}
