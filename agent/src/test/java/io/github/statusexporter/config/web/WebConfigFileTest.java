package io.github.statusexporter.config.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebConfigFileTest {
  /** What {@code htpasswd -nBC 10 "" | tr -d ':\n'} writes. */
  private static final String HASH = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

  private static final String TLS =
      "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n";

  @TempDir Path directory;

  private Path write(String yaml) throws IOException {
    Path file = directory.resolve("web-config.yml");
    Files.writeString(file, yaml);
    return file;
  }

  private WebConfig load(String yaml) throws Exception {
    return WebConfigFile.load(write(yaml), Map.of());
  }

  private String error(String yaml) throws Exception {
    try {
      load(yaml);
    } catch (ConfigException e) {
      return e.getMessage().substring(directory.resolve("web-config.yml").toString().length());
    }
    throw new AssertionError("loaded: " + yaml);
  }

  @Test
  void exporterToolkitsSampleFileLoadsWithItsDefaults() throws Exception {
    WebConfig config =
        load(
            "# TLS and basic authentication configuration example.\n"
                + "tls_server_config:\n"
                + "  cert_file: server.crt\n"
                + "  key_file: server.key\n"
                + "\n"
                + "basic_auth_users:\n"
                + "  alice: $2y$10$mDwo.lAisC94iLAyP81MCesa29IzH37oigHC/42V2pdJlUprsJPze\n"
                + "  bob: $2y$10$hLqFl9jSjoAAy95Z/zw8Ye8wkdMBM8c5Bn1ptYqP/AXyV0.oy0S8m\n");

    TlsSettings tls = config.tls().orElseThrow();
    assertThat(tls.certFile()).isEqualTo(directory.resolve("server.crt"));
    assertThat(tls.keyFile()).isEqualTo(directory.resolve("server.key"));
    assertThat(tls.clientAuth()).isEqualTo(ClientAuth.NO_CLIENT_CERT);
    assertThat(tls.clientCaFile()).isEmpty();
    assertThat(tls.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
    assertThat(tls.cipherSuites()).isEmpty();
    assertThat(tls.preferServerCipherSuites()).isTrue();
    assertThat(config.basicAuthUsers()).containsOnlyKeys("alice", "bob");
    assertThat(config.headers()).isEmpty();
  }

  @Test
  void everySupportedKeyIsRead() throws Exception {
    WebConfig config =
        load(
            "tls_server_config:\n"
                + "  cert_file: /etc/tls/server.crt\n"
                + "  key_file: keys/server.key\n"
                + "  client_auth_type: RequireAndVerifyClientCert\n"
                + "  client_ca_file: ca.crt\n"
                + "  min_version: TLS13\n"
                + "  max_version: TLS13\n"
                + "  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,"
                + " TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256]\n"
                + "  prefer_server_cipher_suites: false\n"
                + "http_server_config:\n"
                + "  http2: false\n"
                + "  headers:\n"
                + "    Strict-Transport-Security: max-age=31536000; includeSubDomains\n"
                + "    X-Frame-Options: deny\n"
                + "    X-Content-Type-Options: nosniff\n"
                + "    X-XSS-Protection: 1; mode=block\n"
                + "    Content-Security-Policy: \"default-src 'self'\"\n"
                + "basic_auth_users:\n"
                + "  prometheus: "
                + HASH
                + "\n");

    TlsSettings tls = config.tls().orElseThrow();
    assertThat(tls.certFile()).isEqualTo(Path.of("/etc/tls/server.crt"));
    assertThat(tls.keyFile()).isEqualTo(directory.resolve("keys/server.key"));
    assertThat(tls.clientAuth()).isEqualTo(ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT);
    assertThat(tls.clientCaFile()).contains(directory.resolve("ca.crt"));
    assertThat(tls.protocols()).containsExactly("TLSv1.3");
    assertThat(tls.cipherSuites())
        .containsExactly(
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    assertThat(tls.preferServerCipherSuites()).isFalse();
    assertThat(tls.where("key_file"))
        .isEqualTo(directory.resolve("web-config.yml") + ":3: tls_server_config.key_file");
    assertThat(config.headers())
        .containsExactly(
            Map.entry("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
            Map.entry("X-Frame-Options", "deny"),
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-XSS-Protection", "1; mode=block"),
            Map.entry("Content-Security-Policy", "default-src 'self'"));
    assertThat(config.basicAuthUsers()).containsExactly(Map.entry("prometheus", HASH));
  }

  @Test
  void allFiveClientAuthTypesAndTheOldNameAreKnown() throws Exception {
    for (ClientAuth type : ClientAuth.values()) {
      String ca = type.requests() ? "  client_ca_file: ca.crt\n" : "";
      assertThat(
              load(TLS + "  client_auth_type: " + type.key() + "\n" + ca)
                  .tls()
                  .orElseThrow()
                  .clientAuth())
          .isEqualTo(type);
    }
    assertThat(
            load(TLS + "  client_auth_type: RequireClientCert\n").tls().orElseThrow().clientAuth())
        .isEqualTo(ClientAuth.REQUIRE_ANY_CLIENT_CERT);
  }

  @Test
  void basicAuthAloneOrHeadersAloneServePlainHttp() throws Exception {
    assertThat(load("basic_auth_users:\n  u: " + HASH + "\n").tls()).isEmpty();
    assertThat(load("http_server_config:\n  headers:\n    X-Frame-Options: sameorigin\n").tls())
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "tls_server_config: {cert_file: a.crt}"
            + " | :1: tls_server_config.key_file: is required: the path of a PEM file",
        "tls_server_config: {min_version: TLS13}"
            + " | :1: tls_server_config.cert_file: is required: the path of a PEM file",
        "tls_server_config: {cert_file: a, key_file: b, certfile: c}"
            + " | :1: tls_server_config.certfile: is not a known key (known here: cert_file,"
            + " key_file, client_auth_type, client_ca_file, min_version, max_version,"
            + " cipher_suites, prefer_server_cipher_suites)",
        "tls_server_config: {cert_file: a, key_file: b, client_auth_type: Yes}"
            + " | :1: tls_server_config.client_auth_type: 'Yes' is not one of NoClientCert,"
            + " RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven,"
            + " RequireAndVerifyClientCert",
        "tls_server_config: {cert_file: a, key_file: b, client_ca_file: ca.crt}"
            + " | :1: tls_server_config.client_ca_file: is set, but client_auth_type is"
            + " NoClientCert, so no client certificate is asked for; set client_auth_type:"
            + " RequireAndVerifyClientCert",
        "tls_server_config: {cert_file: a, key_file: b, client_auth_type:"
            + " RequireAndVerifyClientCert}"
            + " | :1: tls_server_config.client_ca_file: is required with client_auth_type"
            + " RequireAndVerifyClientCert: the CA that signs the scrapers' certificates",
        "tls_server_config: {cert_file: a, key_file: b, min_version: TLS1.2}"
            + " | :1: tls_server_config.min_version: 'TLS1.2' is not one of TLS10, TLS11, TLS12,"
            + " TLS13",
        "tls_server_config: {cert_file: a, key_file: b, min_version: TLS13, max_version: TLS12}"
            + " | :1: tls_server_config.max_version: is older than min_version",
        "tls_server_config: {cert_file: a, key_file: b, cipher_suites: [TLS_RSA_WITH_RC4_128_SHA]}"
            + " | :1: tls_server_config.cipher_suites: 'TLS_RSA_WITH_RC4_128_SHA' is not a cipher"
            + " suite exporter-toolkit accepts, such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
            + " (Go's tls.CipherSuites())",
        "tls_server_config: {cert_file: a, key_file: b, prefer_server_cipher_suites: maybe}"
            + " | :1: tls_server_config.prefer_server_cipher_suites: 'maybe' is not true or false",
        "tls_server_config: {cert: x, key_file: b}"
            + " | :1: tls_server_config.cert: inline PEM is not supported; put the certificate in"
            + " a file named by cert_file",
        "tls_server_config: {cert_file: a, key_file: b, curve_preferences: [X25519]}"
            + " | :1: tls_server_config.curve_preferences: is not supported by status-exporter"
            + " (Java 11 has no curve choice per server); set the JVM's jdk.tls.namedGroups"
            + " instead",
        "rate_limit: {interval: 1s, burst: 5}"
            + " | :1: rate_limit: is not supported by status-exporter, which answers more than 32"
            + " scrapes at once with 503 anyway; remove it",
        "tls_sever_config: {}"
            + " | :1: tls_sever_config: is not a known key (known here: tls_server_config,"
            + " http_server_config, basic_auth_users)",
        "http_server_config: {headers: {Server: x}}"
            + " | :1: http_server_config.headers: 'Server' cannot be set; exporter-toolkit allows"
            + " Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options,"
            + " X-XSS-Protection, Content-Security-Policy",
        "http_server_config: {headers: {X-Frame-Options: allow}}"
            + " | :1: http_server_config.headers: X-Frame-Options: 'allow' is not deny or"
            + " sameorigin",
        "basic_auth_users: {'a:b': x}"
            + " | :1: basic_auth_users.a:b: a user name cannot hold a colon: basic"
            + " authentication could never send it",
        "\"\" | :1: is empty; it needs tls_server_config or basic_auth_users",
      })
  void aFileThatCannotBeUsedIsRefusedNamingLineKeyAndExpectation(String yaml, String expected)
      throws Exception {
    assertThat(error(yaml)).isEqualTo(expected);
  }

  @Test
  void aHashThatIsNotBcryptIsRefusedWithoutQuotingIt() throws Exception {
    for (String notBcrypt :
        List.of(
            "s3cret",
            "{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=",
            "$apr1$x1sYjTSX$QzXDeXs5TLvvX4BYmfkN71",
            "$2y$03$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi",
            HASH.substring(0, 59))) {
      String message = error("basic_auth_users:\n  prometheus: '" + notBcrypt + "'\n");

      assertThat(message)
          .isEqualTo(
              ":2: basic_auth_users.prometheus: is not a bcrypt hash ($2y$, $2a$ or $2b$); make"
                  + " one with: htpasswd -nBC 10 \"\" | tr -d ':\\n'")
          .doesNotContain(notBcrypt);
    }
  }
}
