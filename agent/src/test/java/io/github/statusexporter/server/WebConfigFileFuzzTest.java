package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.web.WebConfig;
import io.github.statusexporter.config.web.WebConfigFile;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the web-config file: the fuzzed bytes are the file, next to a certificate authority, a
 * server certificate and key, and an expired pair that it may name. It secures a server (TLS files
 * read and checked, passwords, headers, the expiry metric) or is rejected with a one-line message.
 * Seeds: {@code WebConfigFileFuzzTestInputs/}.
 */
class WebConfigFileFuzzTest {
  /** A secret read from a file, with its line break at the end, and a bcrypt hash. */
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "TOKEN_FROM_FILE", "s3cret\n",
          "PASSWORD_HASH", "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi");

  @TempDir static Path directory;

  @BeforeAll
  static void certificates() throws Exception {
    TestPki.Issued ca = TestPki.authority("ca");
    TestPki.Issued server = ca.issue("localhost", TestPki.ec());
    TestPki.Issued expired =
        ca.issue(
            "expired",
            TestPki.rsa(),
            Instant.parse("2020-01-01T00:00:00Z"),
            Instant.parse("2020-02-01T00:00:00Z"));
    TestPki.write(directory.resolve("ca.crt"), TestPki.pem(ca.certificate));
    TestPki.write(directory.resolve("server.crt"), TestPki.pem(server.certificate));
    TestPki.write(directory.resolve("server.key"), TestPki.traditional(server.keys.getPrivate()));
    TestPki.write(directory.resolve("expired.crt"), TestPki.pem(expired.certificate));
    TestPki.write(directory.resolve("expired.key"), TestPki.pkcs8(expired.keys.getPrivate()));
  }

  @FuzzTest
  @Timeout(10)
  @DictionaryEntries({
    "tls_server_config:",
    "  cert_file: server.crt",
    "  key_file: server.key",
    "expired.crt",
    "expired.key",
    "client_auth_type: ",
    "NoClientCert",
    "RequestClientCert",
    "RequireAnyClientCert",
    "RequireClientCert",
    "VerifyClientCertIfGiven",
    "RequireAndVerifyClientCert",
    "client_ca_file: ca.crt",
    "min_version: ",
    "max_version: ",
    "TLS10",
    "TLS12",
    "TLS13",
    "cipher_suites: ",
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "TLS_RSA_WITH_AES_128_CBC_SHA",
    "TLS_AES_128_GCM_SHA256",
    "prefer_server_cipher_suites: ",
    "http_server_config:",
    "headers:",
    "Strict-Transport-Security: ",
    "X-Content-Type-Options: nosniff",
    "X-Frame-Options: ",
    "sameorigin",
    "Content-Security-Policy: ",
    "http2: ",
    "basic_auth_users:",
    "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi",
    "${PASSWORD_HASH}",
    "${TOKEN_FROM_FILE}",
    "rate_limit:",
    "curve_preferences:",
    "client_allowed_sans:",
    "&a ",
    "*a",
    "{a: {a: {a: {a: ",
    "\"\\n\""
  })
  void anyWebConfigSecuresTheServerOrIsRejectedInOneLine(byte[] yaml) throws IOException {
    Path file = directory.resolve("web-config.yml");
    Files.write(file, yaml);
    List<String> log = new ArrayList<>();

    WebConfig config;
    WebSecurity security;
    try {
      config = WebConfigFile.load(file, ENVIRONMENT);
      security = WebSecurity.of(config, log::add);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain("\n", "\r");
      return;
    }

    // Headers go onto every response, and a line break would end one and start another.
    config.headers().forEach((name, value) -> assertThat(name + value).doesNotContain("\n", "\r"));
    // Basic authentication sends "user:password": a colon in a name could never be sent.
    assertThat(config.basicAuthUsers().keySet())
        .allSatisfy(user -> assertThat(user).doesNotContain(":"));
    assertThat(security.describe()).doesNotContain("\n", "\r");
    assertThat(log).allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r"));
    PrometheusRegistry registry = new PrometheusRegistry();
    security.register(registry);
    PrometheusTextFormatWriter.create()
        .write(new ByteArrayOutputStream(), registry.scrape(), EscapingScheme.DEFAULT);
  }
}
