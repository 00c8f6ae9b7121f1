package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.jmxexporter.HttpServerSecurity;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jmx_exporter's {@code httpServer.ssl} and {@code httpServer.authentication} served by the agent's
 * metrics server: only the keystore entry named is served, the one user is asked for in realm
 * {@code /}, and what jmx_exporter cannot use starts nothing.
 */
class JmxExporterSecurityTest {
  @TempDir Path directory;
  private TestPki.Issued ca;
  private Path keyStore;
  private final List<String> log = new ArrayList<>();

  /** A PKCS12 keystore of two entries, {@code other} first, as keytool would make it. */
  @BeforeEach
  void keyStore() throws Exception {
    ca = TestPki.authority("test-ca");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (String alias : List.of("other", "localhost")) {
      TestPki.Issued issued = ca.issue(alias, TestPki.ec());
      store.setKeyEntry(
          alias,
          issued.keys.getPrivate(),
          "changeit".toCharArray(),
          new Certificate[] {issued.certificate});
    }
    keyStore = directory.resolve("localhost.pkcs12");
    try (OutputStream out = Files.newOutputStream(keyStore)) {
      store.store(out, "changeit".toCharArray());
    }
  }

  private WebSecurity security(String httpServer, Properties system) throws Exception {
    Path file = Files.writeString(directory.resolve("exporter.yaml"), httpServer);
    return WebSecurity.of(HttpServerSecurity.load(file).orElseThrow(), system);
  }

  private String ssl(String keyStoreKeys, String alias) {
    return "httpServer:\n  ssl:\n"
        + keyStoreKeys
        + "    certificate:\n      alias: "
        + alias
        + "\n";
  }

  private String keyStoreKeys(String password) {
    return "    keyStore:\n      filename: " + keyStore + "\n      password: " + password + "\n";
  }

  private MetricsServer start(WebSecurity security) throws Exception {
    return MetricsServer.start(
        Optional.of("127.0.0.1"), 0, new PrometheusRegistry(), "1.2.3", security, log::add);
  }

  private HttpResponse<String> get(MetricsServer server, String authorization) throws Exception {
    SSLContext tls = TestPki.client(ca, null);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/metrics"));
    if (authorization != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(authorization.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newBuilder()
        .sslContext(tls)
        .build()
        .send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void onlyTheNamedEntryIsServedAndTheOneUserIsAskedForInRealmSlash() throws Exception {
    WebSecurity security =
        security(
            ssl(keyStoreKeys("changeit"), "localhost")
                + "  authentication:\n    basic:\n      username: Prometheus\n"
                + "      password: secret\n",
            new Properties());
    assertThat(security.scheme()).isEqualTo("https");
    assertThat(security.describe()).isEqualTo(", TLS, basic auth");

    try (MetricsServer server = start(security)) {
      HttpResponse<String> without = get(server, null);
      assertThat(without.statusCode()).isEqualTo(401);
      assertThat(without.headers().firstValue("WWW-Authenticate"))
          .contains("Basic realm=\"/\", charset=\"UTF-8\"");
      assertThat(get(server, "Prometheus:Secret").statusCode()).isEqualTo(401);
      HttpResponse<String> with = get(server, "Prometheus:secret");
      assertThat(with.statusCode()).isEqualTo(200);
      X509Certificate served =
          (X509Certificate) with.sslSession().orElseThrow().getPeerCertificates()[0];
      assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    }
  }

  @Test
  void theKeyStoreAndItsPasswordComeFromTheJvmsPropertiesWhenTheFileHasNone() throws Exception {
    Properties system = new Properties();
    system.setProperty("javax.net.ssl.keyStore", keyStore.toString());
    system.setProperty("javax.net.ssl.keyStorePassword", "changeit");
    WebSecurity security = security(ssl("", "other"), system);
    PrometheusRegistry registry = new PrometheusRegistry();
    security.register(registry);

    try (MetricsServer server = start(security)) {
      HttpResponse<String> response = get(server, null);
      assertThat(response.statusCode()).isEqualTo(200);
      X509Certificate served =
          (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
      assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=other");
    }
    assertThat(registry.scrape().get(0).getDataPoints().get(0).getLabels().get("file"))
        .isEqualTo(keyStore.toString());
  }

  @Test
  void whatJmxExporterCannotUseStartsNothingAndNamesTheKey() throws Exception {
    assertThatThrownBy(() -> security(ssl("", "localhost"), new Properties()))
        .isInstanceOf(ConfigException.class)
        .hasMessageMatching(
            ".*exporter.yaml:\\d+: httpServer.ssl.keyStore.filename: is required, unless"
                + " -Djavax.net.ssl.keyStore names the keystore");
    Properties onlyFile = new Properties();
    onlyFile.setProperty("javax.net.ssl.keyStore", keyStore.toString());
    assertThatThrownBy(() -> security(ssl("", "localhost"), onlyFile))
        .hasMessageContaining(
            "httpServer.ssl.keyStore.password: is required, unless"
                + " -Djavax.net.ssl.keyStorePassword gives the keystore's password");
    assertThatThrownBy(() -> security(ssl(keyStoreKeys("wrong"), "localhost"), new Properties()))
        .hasMessageContaining(
            "httpServer.ssl.keyStore.filename: cannot read the keystore "
                + keyStore
                + " with its password");
    assertThatThrownBy(() -> security(ssl(keyStoreKeys("changeit"), "nobody"), new Properties()))
        .hasMessageContaining(
            "httpServer.ssl.certificate.alias: 'nobody' is not an entry of the keystore "
                + keyStore);
  }
}
