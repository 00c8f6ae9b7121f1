package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.web.WebConfigFile;
import io.github.statusexporter.instrumentation.Exposition;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateExpiryTest {
  @TempDir Path directory;
  private final List<String> log = new ArrayList<>();

  private WebSecurity security(String webConfig) throws Exception {
    Path file = TestPki.write(directory.resolve("web-config.yml"), webConfig);
    return WebSecurity.of(WebConfigFile.load(file, Map.of()), log::add);
  }

  private void writePair(TestPki.Issued server) throws Exception {
    TestPki.write(directory.resolve("server.crt"), TestPki.pem(server.certificate));
    TestPki.write(directory.resolve("server.key"), TestPki.pkcs8(server.keys.getPrivate()));
  }

  private static String family(Path certFile, String value) {
    return "# HELP status_exporter_tls_certificate_expiry_timestamp_seconds When the metrics"
        + " server's TLS certificate (the first in cert_file, or the keystore entry served) expires"
        + " (its notAfter), in seconds since the epoch.\n"
        + "# TYPE status_exporter_tls_certificate_expiry_timestamp_seconds gauge\n"
        + "status_exporter_tls_certificate_expiry_timestamp_seconds{file=\""
        + certFile
        + "\"} "
        + value
        + "\n";
  }

  @Test
  void theServersCertificateExpiryIsExportedAndFollowsARotationWithoutAHandshake()
      throws Exception {
    TestPki.Issued ca = TestPki.authority("ca");
    Instant now = Instant.now();
    writePair(
        ca.issue(
            "expired",
            TestPki.ec(),
            Instant.parse("2020-01-01T00:00:00Z"),
            Instant.parse("2020-02-01T00:00:00Z")));
    WebSecurity security =
        security("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n");
    PrometheusRegistry registry = new PrometheusRegistry();
    security.register(registry);
    Path certFile = directory.resolve("server.crt");

    assertThat(Exposition.text(registry)).isEqualTo(family(certFile, "1.5805152E9"));

    writePair(
        ca.issue(
            "renewed",
            TestPki.ec(),
            now.minus(Duration.ofDays(1)),
            Instant.parse("2030-06-01T12:30:00Z")));
    // Only scrapes, no handshake: the scrape itself looks at the files (at most once a second).
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (Exposition.text(registry).contains("1.5805152E9") && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(Exposition.text(registry)).isEqualTo(family(certFile, "1.9065474E9"));
  }

  @Test
  void withoutTlsNothingIsRegistered() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    WebSecurity.none().register(registry);
    String goHash = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";
    security("basic_auth_users:\n  prometheus: " + goHash + "\n").register(registry);

    assertThat(Exposition.text(registry)).isEmpty();
  }
}
