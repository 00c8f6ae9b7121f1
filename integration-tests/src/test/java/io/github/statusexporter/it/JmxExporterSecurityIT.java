package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jmx_exporter file whose {@code httpServer} asks for basic authentication (one SHA-256 user, the
 * hash of jmx_exporter's own BasicAuthenticationSHA256Test) and TLS from a PKCS12 keystore made by
 * keytool, given in jmx_exporter's agent argument {@code PORT:FILE}: the agent serves /metrics over
 * https to that user only, with the certificate of the alias named.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JmxExporterSecurityIT {
  private static final Path KEYTOOL =
      Paths.get(
          System.getProperty("it.java.home", System.getProperty("java.home")), "bin", "keytool");

  @TempDir static Path directory;
  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();
  private JavaProcess app;
  private HttpClient client;

  @BeforeAll
  void startDemoAppWithJmxExportersSecuredFile() throws Exception {
    Path keyStore = directory.resolve("localhost.pkcs12");
    // Two entries, the one not served first: only certificate.alias is served.
    for (String alias : new String[] {"other", "localhost"}) {
      Tools.check(
          directory,
          KEYTOOL,
          "-genkeypair",
          "-alias",
          alias,
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=" + alias,
          "-ext",
          "SAN=dns:localhost,ip:127.0.0.1",
          "-validity",
          "2",
          "-storetype",
          "PKCS12",
          "-keystore",
          keyStore.toString(),
          "-storepass",
          "changeit",
          "-keypass",
          "changeit");
    }
    Path certificate = directory.resolve("localhost.crt");
    Tools.check(
        directory,
        KEYTOOL,
        "-exportcert",
        "-rfc",
        "-alias",
        "localhost",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        "changeit",
        "-file",
        certificate.toString());
    client = HttpClient.newBuilder().sslContext(trusting(certificate)).build();

    Path file = directory.resolve("exporter.yaml");
    Files.writeString(
        file,
        "httpServer:\n"
            + "  authentication:\n"
            + "    basic:\n"
            + "      username: Prometheus\n"
            + "      passwordHash: 2bf7ed4906ac065bde39f7508d6102a6cdd7153a929ea883ff6cd04442772c99\n"
            + "      algorithm: SHA-256\n"
            + "      salt: U9i%=N+m]#i9yvUV:bA/3n4X9JdPXf=n\n"
            + "  ssl:\n"
            + "    keyStore:\n"
            + "      filename: "
            + keyStore
            + "\n"
            + "      password: changeit\n"
            + "    certificate:\n"
            + "      alias: localhost\n"
            + "rules:\n"
            + "  - pattern: \".*\"\n");
    app = JavaProcess.demoApp(appPort, agentPort + ":" + file);
    app.awaitStderr(
        line -> line.contains(" serving ") || line.contains("not serving"), Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  private static SSLContext trusting(Path certificate) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      trusted.setCertificateEntry(
          "localhost", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return tls;
  }

  private HttpResponse<String> metrics(String credentials) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("https://localhost:" + agentPort + "/metrics"))
            .timeout(Duration.ofSeconds(10));
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("https://localhost:" + agentPort + "/metrics: " + e, e);
    }
  }

  @Test
  void theStartLineSaysHttpsWithBasicAuth() {
    assertThat(app.stderr())
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("serving https://localhost:" + agentPort + "/metrics")
                    .contains(", TLS, basic auth"));
  }

  @Test
  void withoutCredentialsOrWithAWrongPasswordTheAnswerIs401InRealmSlash() {
    HttpResponse<String> without = metrics(null);
    assertThat(without.statusCode()).isEqualTo(401);
    assertThat(without.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm=\"/\""));
    assertThat(without.body()).isEmpty();
    assertThat(metrics("Prometheus:Secret").statusCode()).isEqualTo(401);
    assertThat(metrics("prometheus:secret").statusCode()).isEqualTo(401);
  }

  @Test
  void theUserGetsTheJmxSeriesOverHttpsWithTheAliasCertificate() throws Exception {
    HttpResponse<String> response =
        Wait.until(
            "the JMX series of the rules",
            Duration.ofSeconds(15),
            () -> {
              HttpResponse<String> scrape = metrics("Prometheus:secret");
              return scrape.statusCode() == 200
                      && scrape.body().contains("\njmx_scrape_error 0.0\n")
                  ? scrape
                  : null;
            });

    assertThat(response.body())
        .contains("# TYPE java_lang_Threading_ThreadCount untyped\n")
        .containsPattern("\njava_lang_Threading_ThreadCount [0-9.E]+\n");
    X509Certificate served =
        (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
  }
}
