package io.github.statusexporter.config.jmxexporter;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.yaml.YamlMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * jmx_exporter's {@code httpServer} section, read with jmx_exporter 1.0.1's keys, defaults and
 * validation (its HTTPServerFactory). Its {@code authentication.basic} and {@code ssl} become the
 * agent's own basic authentication and TLS ({@link HttpServerSecurity}); a value jmx_exporter would
 * refuse is refused here too, naming the key, and nothing is served then. Its thread pool has a
 * counterpart here already (the agent's server runs on its own few bounded threads), so {@code
 * threads} is accepted and said to be unused. Like jmx_exporter, the section is read once, at
 * start.
 */
final class HttpServerKeys {
  private static final Set<String> SERVER_KEYS = Set.of("threads", "authentication", "ssl");
  private static final Set<String> BASIC_KEYS =
      Set.of(
          "username", "algorithm", "password", "passwordHash", "salt", "iterations", "keyLength");
  private static final Set<String> SHA = Set.of("SHA-1", "SHA-256", "SHA-512");

  /** PBKDF2's rounds when {@code iterations} is left out, by algorithm, as in jmx_exporter. */
  private static final Map<String, Integer> PBKDF2_ITERATIONS =
      Map.of(
          "PBKDF2WithHmacSHA1", 1_300_000,
          "PBKDF2WithHmacSHA256", 600_000,
          "PBKDF2WithHmacSHA512", 210_000);

  /** jmx_exporter's default {@code keyLength}, which it multiplies by 8: 1024 bits. */
  private static final int PBKDF2_KEY_LENGTH = 128;

  private HttpServerKeys() {}

  /** Checks the section and names what has no effect here. */
  static void check(YamlMap file, List<String> notices) throws ConfigException {
    if (!file.has("httpServer") || file.isNull("httpServer")) {
      return;
    }
    YamlMap server = file.map("httpServer");
    for (String key : server.keys()) {
      if (key.equals("threads")) {
        notices.add(
            server.where(key) + ": not used; the agent serves /metrics on its own bounded threads");
      } else if (!SERVER_KEYS.contains(key)) {
        notices.add(server.where(key) + ": not a jmx_exporter httpServer key; ignored");
      }
    }
    Optional<HttpServerSecurity> security = security(file);
    if (security.isPresent() && security.get().basicAuth().isPresent()) {
      YamlMap basic = server.map("authentication").map("basic");
      for (String key : basic.keys()) {
        if (!BASIC_KEYS.contains(key)) {
          notices.add(basic.where(key) + ": not a jmx_exporter key; ignored, as jmx_exporter does");
        }
      }
      BasicAuthSettings settings = security.get().basicAuth().get();
      if (SHA.contains(settings.algorithm())
          && settings.passwordHash().orElseThrow().startsWith("0")) {
        notices.add(
            basic.where("passwordHash")
                + ": starts with 0, but jmx_exporter 1.0.1 compares it with a hash printed"
                + " without leading zeros, so no password matches it, there or here; remove the"
                + " leading zeros");
      }
    }
  }

  /** The authentication and TLS the section asks for; empty when it asks for neither. */
  static Optional<HttpServerSecurity> security(YamlMap file) throws ConfigException {
    if (!file.has("httpServer") || file.isNull("httpServer")) {
      return Optional.empty();
    }
    YamlMap server = file.map("httpServer");
    BasicAuthSettings basicAuth =
        server.has("authentication") ? basicAuth(server, "authentication") : null;
    KeyStoreSettings keyStore = server.has("ssl") ? keyStore(server, "ssl") : null;
    if (basicAuth == null && keyStore == null) {
      return Optional.empty();
    }
    return Optional.of(new HttpServerSecurity(file.where("httpServer"), basicAuth, keyStore));
  }

  private static BasicAuthSettings basicAuth(YamlMap server, String key) throws ConfigException {
    YamlMap authentication = mapping(server, key, "basic", "jmx_exporter's only authentication");
    YamlMap basic = mapping(authentication, "basic", "username", "the one user");
    String username = text(basic, "username", true);
    String algorithm = text(basic, "algorithm", false);
    if (algorithm == null || algorithm.equalsIgnoreCase(BasicAuthSettings.PLAINTEXT)) {
      return new BasicAuthSettings(
          username, BasicAuthSettings.PLAINTEXT, text(basic, "password", true), null, null, 0, 0);
    }
    if (!SHA.contains(algorithm) && !PBKDF2_ITERATIONS.containsKey(algorithm)) {
      throw basic.error(
          "algorithm",
          "'"
              + algorithm
              + "' is not supported: one of plaintext, SHA-1, SHA-256, SHA-512,"
              + " PBKDF2WithHmacSHA1, PBKDF2WithHmacSHA256, PBKDF2WithHmacSHA512 (jmx_exporter's)");
    }
    String passwordHash = text(basic, "passwordHash", true);
    String salt = text(basic, "salt", true);
    if (SHA.contains(algorithm)) {
      return new BasicAuthSettings(username, algorithm, null, passwordHash, salt, 0, 0);
    }
    int iterations = integer(basic, "iterations", PBKDF2_ITERATIONS.get(algorithm));
    int keyLength = integer(basic, "keyLength", PBKDF2_KEY_LENGTH);
    if (keyLength > Integer.MAX_VALUE / 8) {
      throw basic.error(
          "keyLength", "is too large: it counts bytes, and the key has keyLength * 8 bits");
    }
    return new BasicAuthSettings(
        username, algorithm, null, passwordHash, salt, iterations, keyLength);
  }

  private static KeyStoreSettings keyStore(YamlMap server, String key) throws ConfigException {
    String alias = "the keystore entry served";
    YamlMap ssl = mapping(server, key, "certificate", "with alias, " + alias);
    YamlMap keyStore = ssl.has("keyStore") && !ssl.isNull("keyStore") ? ssl.map("keyStore") : null;
    YamlMap certificate = mapping(ssl, "certificate", "alias", alias);
    String filename = keyStore == null ? null : text(keyStore, "filename", false);
    String password = keyStore == null ? null : text(keyStore, "password", false);
    return new KeyStoreSettings(
        filename,
        password,
        text(certificate, "alias", true),
        keyStore == null ? ssl.where("keyStore.filename") : keyStore.where("filename"),
        keyStore == null ? ssl.where("keyStore.password") : keyStore.where("password"),
        certificate.where("alias"));
  }

  /** The mapping at {@code key}, which must hold {@code required}, {@code what}. */
  private static YamlMap mapping(YamlMap parent, String key, String required, String what)
      throws ConfigException {
    if (parent.isNull(key) || !parent.map(key).has(required)) {
      throw parent.error(
          key, "needs " + required + ", " + what + " (jmx_exporter requires it too)");
    }
    return parent.map(key);
  }

  /** A string jmx_exporter requires not to be blank; null when absent and not required. */
  private static String text(YamlMap map, String key, boolean required) throws ConfigException {
    if (!map.has(key) || map.isNull(key)) {
      if (required) {
        throw map.error(key, "is required (a string)");
      }
      return null;
    }
    String value = map.string(key);
    if (value.trim().isEmpty()) {
      throw map.error(key, "must not be blank");
    }
    return value;
  }

  /** An integer of 1 or more; {@code absent} when left out. */
  private static int integer(YamlMap map, String key, int absent) throws ConfigException {
    if (!map.has(key) || map.isNull(key)) {
      return absent;
    }
    String text = map.string(key);
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw map.error(key, "'" + text + "' is not an integer");
    }
    if (value < 1) {
      throw map.error(key, "must be 1 or more");
    }
    return value;
  }
}
