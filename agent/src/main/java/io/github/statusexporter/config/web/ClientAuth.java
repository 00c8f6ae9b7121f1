package io.github.statusexporter.config.web;

/**
 * Whether the metrics server asks scrapers for a TLS certificate, and what it does with one: the
 * {@code client_auth_type} values of exporter-toolkit, with Go's {@code crypto/tls} meanings.
 */
public enum ClientAuth {
  /** No certificate is asked for. */
  NO_CLIENT_CERT("NoClientCert", false, false, false),
  /** A certificate is asked for, but neither required nor verified. */
  REQUEST_CLIENT_CERT("RequestClientCert", true, false, false),
  /** A certificate is required, but not verified: any certificate with its key is accepted. */
  REQUIRE_ANY_CLIENT_CERT("RequireAnyClientCert", true, true, false),
  /** A certificate is asked for; one that is sent must be signed by the client CA. */
  VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven", true, false, true),
  /** A certificate signed by the client CA is required: mutual TLS. */
  REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert", true, true, true);

  private final String key;
  private final boolean requests;
  private final boolean requires;
  private final boolean verifies;

  ClientAuth(String key, boolean requests, boolean requires, boolean verifies) {
    this.key = key;
    this.requests = requests;
    this.requires = requires;
    this.verifies = verifies;
  }

  /** The name in the web configuration file, such as {@code RequireAndVerifyClientCert}. */
  public String key() {
    return key;
  }

  /** Whether the server asks for a certificate. */
  public boolean requests() {
    return requests;
  }

  /** Whether a client without a certificate is refused. */
  public boolean requires() {
    return requires;
  }

  /** Whether a certificate that is sent must chain to the client CA. */
  public boolean verifies() {
    return verifies;
  }

  static ClientAuth named(String key) {
    for (ClientAuth auth : values()) {
      if (auth.key.equals(key)) {
        return auth;
      }
    }
    // exporter-toolkit's older name, kept there for compatibility.
    return "RequireClientCert".equals(key) ? REQUIRE_ANY_CLIENT_CERT : null;
  }

  static String knownKeys() {
    StringBuilder keys = new StringBuilder();
    for (ClientAuth auth : values()) {
      keys.append(keys.length() == 0 ? "" : ", ").append(auth.key);
    }
    return keys.toString();
  }
}
