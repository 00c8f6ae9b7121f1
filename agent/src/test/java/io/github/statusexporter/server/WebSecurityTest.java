package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.web.WebConfigFile;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebSecurityTest {
  @TempDir Path directory;
  private TestPki.Issued ca;
  private TestPki.Issued server;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void certificates() throws Exception {
    ca = TestPki.authority("test-ca");
    server = ca.issue("localhost", TestPki.ec());
    TestPki.write(directory.resolve("ca.crt"), TestPki.pem(ca.certificate));
    TestPki.write(directory.resolve("server.crt"), TestPki.pem(server.certificate));
    TestPki.write(directory.resolve("server.key"), TestPki.traditional(server.keys.getPrivate()));
  }

  private MetricsServer start(String webConfig) throws Exception {
    Path file = TestPki.write(directory.resolve("web-config.yml"), webConfig);
    WebSecurity security = WebSecurity.of(WebConfigFile.load(file, Map.of()), log::add);
    return MetricsServer.start(
        Optional.of("127.0.0.1"), 0, new PrometheusRegistry(), "1.2.3", security, log::add);
  }

  private static HttpResponse<String> get(
      SSLContext tls, MetricsServer server, String path, String authorization) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String bcrypt(String password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 4);
  }

  @Test
  void tlsWithBasicAuthServesTheRightPasswordAndAnswersEveryOther401WithTheHeaders()
      throws Exception {
    String config =
        "tls_server_config:\n"
            + "  cert_file: server.crt\n"
            + "  key_file: server.key\n"
            + "http_server_config:\n"
            + "  headers:\n"
            + "    Strict-Transport-Security: max-age=31536000\n"
            + "    X-Content-Type-Options: nosniff\n"
            + "basic_auth_users:\n"
            + "  prometheus: "
            + bcrypt("s3cret")
            + "\n";
    SSLContext tls = TestPki.client(ca, null);
    try (MetricsServer metrics = start(config)) {
      HttpResponse<String> ok = get(tls, metrics, "/metrics", basic("prometheus", "s3cret"));
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
      assertThat(ok.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

      for (String authorization :
          new String[] {
            null,
            basic("prometheus", "wrong"),
            basic("nobody", "s3cret"),
            "Basic !!!not-base64",
            "Bearer s3cret"
          }) {
        HttpResponse<String> refused = get(tls, metrics, "/metrics", authorization);
        assertThat(refused.statusCode()).as(authorization).isEqualTo(401);
        assertThat(refused.body()).isEmpty();
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
            .hasValue("Basic realm=\"status-exporter\", charset=\"UTF-8\"");
        assertThat(refused.headers().firstValue("Strict-Transport-Security"))
            .hasValue("max-age=31536000");
      }
      assertThat(get(tls, metrics, "/-/healthy", null).statusCode()).isEqualTo(401);
      assertThat(get(tls, metrics, "/nope", null).statusCode()).isEqualTo(401);
      assertThat(get(tls, metrics, "/nope", basic("prometheus", "s3cret")).statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void aClientThatDoesNotTrustTheServersCaIsRefusedTheHandshake() throws Exception {
    try (MetricsServer metrics =
        start("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n")) {
      SSLContext otherCa = TestPki.client(TestPki.authority("other-ca"), null);

      assertThatThrownBy(() -> get(otherCa, metrics, "/metrics", null))
          .isInstanceOf(IOException.class);
      assertThat(get(TestPki.client(ca, null), metrics, "/metrics", null).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void aJvmWhoseDefaultKeyManagerIsPkixServesTlsAllTheSame() throws Exception {
    String algorithm = java.security.Security.getProperty("ssl.KeyManagerFactory.algorithm");
    java.security.Security.setProperty("ssl.KeyManagerFactory.algorithm", "PKIX");
    try (MetricsServer metrics =
        start("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n")) {
      assertThat(get(TestPki.client(ca, null), metrics, "/metrics", null).statusCode())
          .isEqualTo(200);
    } finally {
      java.security.Security.setProperty("ssl.KeyManagerFactory.algorithm", algorithm);
    }
  }

  /**
   * Whether a scrape gets through with no certificate, one from the client CA, one from another.
   */
  @ParameterizedTest
  @CsvSource({
    "NoClientCert,               true,  true, true",
    "RequestClientCert,          true,  true, true",
    "RequireAnyClientCert,       false, true, true",
    "VerifyClientCertIfGiven,    true,  true, false",
    "RequireAndVerifyClientCert, false, true, false",
  })
  void eachClientAuthTypeTreatsClientCertificatesAsGoDoes(
      String clientAuthType, boolean without, boolean fromCa, boolean fromOtherCa)
      throws Exception {
    String config =
        "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
            + "  client_auth_type: "
            + clientAuthType
            + "\n"
            + (clientAuthType.equals("NoClientCert") ? "" : "  client_ca_file: ca.crt\n");
    TestPki.Issued client = ca.issue("prometheus", TestPki.ec());
    TestPki.Issued stranger = TestPki.authority("other-ca").issue("stranger", TestPki.rsa());
    try (MetricsServer metrics = start(config)) {
      assertThat(scrapes(TestPki.client(ca, null), metrics)).as("without").isEqualTo(without);
      assertThat(scrapes(TestPki.client(ca, client), metrics)).as("from CA").isEqualTo(fromCa);
      assertThat(scrapes(TestPki.client(ca, stranger), metrics))
          .as("from another CA")
          .isEqualTo(fromOtherCa);
    }
  }

  private static boolean scrapes(SSLContext tls, MetricsServer metrics) throws Exception {
    try {
      return get(tls, metrics, "/metrics", null).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void onlyTheConfiguredTlsVersionsAreSpoken() throws Exception {
    try (MetricsServer metrics =
        start(
            "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
                + "  min_version: TLS13\n")) {
      SSLContext tls = TestPki.client(ca, null);
      HttpClient client =
          HttpClient.newBuilder()
              .sslContext(tls)
              .sslParameters(new javax.net.ssl.SSLParameters(null, new String[] {"TLSv1.2"}))
              .build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("https://localhost:" + metrics.port() + "/metrics"))
              .build();

      assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
      assertThat(get(tls, metrics, "/metrics", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aKeyThatDoesNotMatchTheCertificateStartsNothingAndNamesFileAndKey() throws Exception {
    TestPki.write(directory.resolve("server.key"), TestPki.pkcs8(TestPki.ec().getPrivate()));

    assertThatThrownBy(
            () -> start("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            directory.resolve("web-config.yml")
                + ":3: tls_server_config.key_file: does not match the certificate in cert_file"
                + " (the first certificate there must be the server's own)");
  }

  @Test
  void describesWhatItAsksOfScrapers() throws Exception {
    Path file =
        TestPki.write(
            directory.resolve("web-config.yml"),
            "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
                + "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n"
                + "basic_auth_users:\n  prometheus: "
                + bcrypt("x")
                + "\n");
    WebSecurity security = WebSecurity.of(WebConfigFile.load(file, Map.of()), log::add);

    assertThat(security.scheme()).isEqualTo("https");
    assertThat(security.describe())
        .isEqualTo(", TLS with client_auth_type RequireAndVerifyClientCert, basic auth");
    assertThat(WebSecurity.none().scheme()).isEqualTo("http");
    assertThat(WebSecurity.none().describe()).isEmpty();
  }
}
