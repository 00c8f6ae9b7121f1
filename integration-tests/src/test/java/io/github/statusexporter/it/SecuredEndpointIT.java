package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.it.OpensslPki.KeyKind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The metrics endpoint secured by a web-config file as an operator writes one (docs/security.md),
 * with certificates made by openssl, scraped by curl: TLS with each kind of key, each client
 * certificate policy, passwords, certificates replaced on disk, and files that cannot be used.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredEndpointIT {
  /**
   * exporter-toolkit's decoy hash of "fakepassword", made by Go's bcrypt, as a hash made elsewhere.
   */
  private static final String GO_HASH =
      "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

  @TempDir static Path directory;
  private OpensslPki pki;
  private Curl curl;
  private final AtomicInteger files = new AtomicInteger();

  private int appPort;
  private int agentPort;
  private JavaProcess app;

  @BeforeAll
  void certificates() throws Exception {
    pki = new OpensslPki(directory);
    curl = new Curl(directory);
    pki.authority("ca");
    pki.authority("other-ca");
    for (KeyKind kind : KeyKind.values()) {
      pki.key("server-" + kind, kind);
      pki.certificate("server-" + kind, "ca", true);
    }
    pki.key("client", KeyKind.EC_PKCS8);
    pki.certificate("client", "ca", false);
    pki.key("stranger", KeyKind.RSA_PKCS8);
    pki.certificate("stranger", "other-ca", false);
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.close();
      app = null;
    }
  }

  /** The demo app with the agent secured by this web-config, once the agent has said how it is. */
  private Path start(String webConfig) throws Exception {
    Path file = directory.resolve("web-config-" + files.incrementAndGet() + ".yml");
    Files.writeString(file, webConfig);
    appPort = Http.freePort();
    agentPort = Http.freePort();
    app = JavaProcess.securedDemoApp(appPort, agentPort, file);
    app.awaitStderr(
        line -> line.contains(" serving ") || line.contains("not serving"), Duration.ofSeconds(30));
    return file;
  }

  private static String tls(String name) {
    return "tls_server_config:\n  cert_file: " + name + ".crt\n  key_file: " + name + ".key\n";
  }

  private String url(String path) {
    return "https://localhost:" + agentPort + path;
  }

  private void assertApplicationServes() {
    assertThat(Http.get("http://localhost:" + appPort + "/status").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(KeyKind.class)
  void aServerKeyOfEachKindOpensslWritesServesScrapersThatTrustTheCaOnly(KeyKind kind)
      throws Exception {
    start(tls("server-" + kind));

    Curl.Response trusted = curl.get(url("/metrics"), "--cacert", "ca.crt");
    assertThat(trusted.exit).as(trusted.toString()).isZero();
    assertThat(trusted.status).isEqualTo(200);
    assertThat(trusted.body).contains("\napp_uptime ").contains("status_exporter_source_up");
    // 60: curl could not verify the server's certificate.
    assertThat(curl.get(url("/metrics"), "--cacert", "other-ca.crt").exit).isEqualTo(60);
    assertThat(curl.get(url("/metrics")).exit).isEqualTo(60);
    Curl.Response plain = curl.get("http://localhost:" + agentPort + "/metrics");
    assertThat(plain.exit).as(plain.toString()).isNotZero();
    assertThat(plain.status).isZero();
    assertThat(app.stderrBesidesServersMeasured())
        .singleElement()
        .asString()
        .contains(
            " serving https://localhost:"
                + agentPort
                + "/metrics (all interfaces), TLS, status from http://localhost:"
                + appPort
                + "/status");
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
  void eachClientAuthTypeLetsInTheScrapersThatGoWould(
      String clientAuthType, boolean without, boolean fromCa, boolean fromOtherCa)
      throws Exception {
    start(
        tls("server-EC_TRADITIONAL")
            + "  client_auth_type: "
            + clientAuthType
            + "\n"
            + (clientAuthType.equals("NoClientCert") ? "" : "  client_ca_file: ca.crt\n"));

    assertThat(scrapes("--cacert", "ca.crt")).as("without a certificate").isEqualTo(without);
    assertThat(scrapes("--cacert", "ca.crt", "--cert", "client.crt", "--key", "client.key"))
        .as("with one from the client CA")
        .isEqualTo(fromCa);
    assertThat(scrapes("--cacert", "ca.crt", "--cert", "stranger.crt", "--key", "stranger.key"))
        .as("with one from another CA")
        .isEqualTo(fromOtherCa);
    assertThat(app.stderrBesidesServersMeasured())
        .singleElement()
        .asString()
        .contains(
            clientAuthType.equals("NoClientCert")
                ? "(all interfaces), TLS, status from"
                : "(all interfaces), TLS with client_auth_type " + clientAuthType + ", status");
    assertApplicationServes();
  }

  private boolean scrapes(String... options) throws Exception {
    Curl.Response response = curl.get(url("/metrics"), options);
    return response.exit == 0 && response.status == 200;
  }

  @Test
  void onlyTheRightPasswordsAreServedOthersGet401AndTheApplicationServesOn() throws Exception {
    String hash = Bcrypt.hash(directory, "s3cret");
    start(
        tls("server-RSA_PKCS8")
            + "http_server_config:\n"
            + "  headers:\n"
            + "    Strict-Transport-Security: max-age=31536000\n"
            + "basic_auth_users:\n"
            + "  prometheus: "
            + hash
            + "\n"
            + "  go: "
            + GO_HASH
            + "\n");

    for (String credentials : new String[] {"prometheus:s3cret", "go:fakepassword"}) {
      Curl.Response ok = curl.get(url("/metrics"), "--cacert", "ca.crt", "-u", credentials);
      assertThat(ok.status).as(credentials).isEqualTo(200);
      assertThat(ok.body).contains("\napp_uptime ");
      assertThat(ok.headers).containsIgnoringCase("Strict-Transport-Security: max-age=31536000");
    }
    for (String[] refused :
        new String[][] {
          {"-u", "prometheus:wrong"},
          {"-u", "prometheus:"},
          {"-u", "nobody:s3cret"},
          {"-H", "Authorization: Bearer s3cret"},
          {}
        }) {
      String[] options = new String[refused.length + 2];
      options[0] = "--cacert";
      options[1] = "ca.crt";
      System.arraycopy(refused, 0, options, 2, refused.length);
      Curl.Response response = curl.get(url("/metrics"), options);
      assertThat(response.status).as(String.join(" ", refused)).isEqualTo(401);
      assertThat(response.body).isEmpty();
      assertThat(response.headers)
          .containsIgnoringCase(
              "WWW-Authenticate: Basic realm=\"status-exporter\", charset=\"UTF-8\"")
          .containsIgnoringCase("Strict-Transport-Security: max-age=31536000");
    }
    assertThat(curl.get(url("/-/healthy"), "--cacert", "ca.crt").status).isEqualTo(401);
    // The sources page shows what the application's status holds: the same password guards it.
    assertThat(curl.get(url("/-/sources"), "--cacert", "ca.crt").status).isEqualTo(401);
    Curl.Response sources =
        curl.get(url("/-/sources"), "--cacert", "ca.crt", "-u", "prometheus:s3cret");
    assertThat(sources.status).isEqualTo(200);
    assertThat(sources.body).startsWith("{\"sources\":[{\"name\":\"default\",");
    assertApplicationServes();
    assertThat(app.stderrBesidesServersMeasured())
        .singleElement()
        .asString()
        .contains("(all interfaces), TLS, basic auth, status from")
        .doesNotContain(hash);
  }

  @Test
  void certificatesReplacedOnDiskAreServedWithoutARestartAndABadReplacementIsIgnored()
      throws Exception {
    // As Kubernetes updates a mounted secret: new files in a new directory, then one atomic
    // switch of the symbolic link that the configured paths go through.
    Path live = directory.resolve("live");
    generation("gen1", "server-EC_PKCS8", "server-EC_PKCS8");
    switchTo(live, "gen1");
    pki.key("rotated", KeyKind.RSA_TRADITIONAL);
    pki.certificate("rotated", "other-ca", true);
    start("tls_server_config:\n  cert_file: live/tls.crt\n  key_file: live/tls.key\n");
    assertThat(scrapes("--cacert", "ca.crt")).isTrue();
    assertThat(scrapes("--cacert", "other-ca.crt")).isFalse();

    generation("gen2", "rotated", "rotated");
    switchTo(live, "gen2");

    Wait.until(
        "the new certificate to be served",
        Duration.ofSeconds(10),
        () -> scrapesQuietly("--cacert", "other-ca.crt") ? true : null);
    assertThat(scrapes("--cacert", "ca.crt")).isFalse();
    assertThat(app.stderrBesidesServersMeasured())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "status-exporter: TLS certificate reloaded from "
                            + directory.resolve("live/tls.crt")
                            + ": CN=rotated, valid until "));

    // A certificate without its key: the last good pair stays in use, and it is said once.
    generation("gen3", "server-RSA_PKCS8", "rotated");
    switchTo(live, "gen3");
    for (int i = 0; i < 3; i++) {
      Wait.sleep(700);
      assertThat(scrapes("--cacert", "other-ca.crt")).isTrue();
    }
    assertThat(
            app.stderrBesidesServersMeasured().stream()
                .filter(line -> line.contains("not reloaded")))
        .containsExactly(
            "status-exporter: TLS files not reloaded: "
                + directory.resolve("web-config-" + files.get() + ".yml")
                + ":3: tls_server_config.key_file: does not match the certificate in cert_file"
                + " (the first certificate there must be the server's own); the last good"
                + " certificate stays in use");
    assertApplicationServes();
  }

  /**
   * One launch through three certificates, as a user lives through them: an expired one at start, a
   * renewed one, then one whose dates lie ahead (a clock that is behind looks the same).
   */
  @Test
  void aCertificateOutsideItsDatesIsServedWithAWarningAndItsExpiryIsExportedAcrossRotations()
      throws Exception {
    pki.key("expired", KeyKind.EC_PKCS8);
    pki.serverCertificate(
        "expired",
        "ca",
        Instant.parse("2020-01-01T00:00:00Z"),
        Instant.parse("2020-02-01T00:00:00Z"));
    pki.key("future", KeyKind.RSA_PKCS8);
    pki.serverCertificate(
        "future",
        "ca",
        Instant.parse("2099-01-01T00:00:00Z"),
        Instant.parse("2099-02-01T00:00:00Z"));
    Path dated = directory.resolve("dated");
    generation("dated1", "expired", "expired");
    switchTo(dated, "dated1");
    start("tls_server_config:\n  cert_file: dated/tls.crt\n  key_file: dated/tls.key\n");
    Path certFile = directory.resolve("dated/tls.crt");
    String expiredWarning =
        "status-exporter: TLS certificate "
            + certFile
            + " has expired: CN=expired, valid from 2020-01-01T00:00:00Z until"
            + " 2020-02-01T00:00:00Z. Scrapers that check certificates refuse it; replace the file"
            + " with a valid certificate (it is picked up without a restart)";
    assertThat(app.stderrBesidesServersMeasured()).first().isEqualTo(expiredWarning);

    // Prometheus, like curl, refuses it; with insecure_skip_verify the metric says since when.
    assertThat(curl.get(url("/metrics"), "--cacert", "ca.crt").exit).isEqualTo(60);
    Curl.Response insecure = curl.get(url("/metrics"), "--insecure");
    assertThat(insecure.status).as(insecure.toString()).isEqualTo(200);
    assertThat(expiryLine(insecure.body))
        .isEqualTo(
            "status_exporter_tls_certificate_expiry_timestamp_seconds{file=\""
                + certFile
                + "\"} 1.5805152E9");
    assertThat(Promtool.checkMetrics(insecure.body)).isEmpty();

    generation("dated2", "server-EC_PKCS8", "server-EC_PKCS8");
    switchTo(dated, "dated2");
    Instant renewedUntil = notAfter(directory.resolve("server-EC_PKCS8.crt"));
    String renewed =
        Wait.until(
            "the renewed certificate to be served",
            Duration.ofSeconds(10),
            () -> {
              Curl.Response response = getQuietly("--cacert", "ca.crt");
              return response.status == 200 ? response.body : null;
            });
    assertThat(Double.parseDouble(value(expiryLine(renewed))))
        .isEqualTo(renewedUntil.getEpochSecond());

    generation("dated3", "future", "future");
    switchTo(dated, "dated3");
    Wait.until(
        "the certificate that is not valid yet to be served",
        Duration.ofSeconds(10),
        () -> expiryLine(getQuietly("--insecure").body).endsWith(" 4.0735872E9") ? true : null);
    assertThat(curl.get(url("/metrics"), "--cacert", "ca.crt").exit).isEqualTo(60);
    // Written before that scrape was answered, but read from the child's stderr by another thread.
    app.awaitStderr(line -> line.contains(" is not valid yet: "), Duration.ofSeconds(5));
    assertThat(app.stderrBesidesServersMeasured())
        .satisfiesExactly(
            line -> assertThat(line).isEqualTo(expiredWarning),
            line -> assertThat(line).contains(" serving https://localhost:" + agentPort),
            line ->
                assertThat(line)
                    .isEqualTo(
                        "status-exporter: TLS certificate reloaded from "
                            + certFile
                            + ": CN=server-EC_PKCS8, valid until "
                            + renewedUntil),
            line ->
                assertThat(line)
                    .isEqualTo(
                        "status-exporter: TLS certificate reloaded from "
                            + certFile
                            + ": CN=future, valid until 2099-02-01T00:00:00Z"),
            line ->
                assertThat(line)
                    .isEqualTo(
                        "status-exporter: TLS certificate "
                            + certFile
                            + " is not valid yet: CN=future, valid from 2099-01-01T00:00:00Z until"
                            + " 2099-02-01T00:00:00Z. Scrapers that check certificates refuse it"
                            + " until then; check this machine's clock, or replace the file with a"
                            + " valid certificate (it is picked up without a restart)"));
    assertApplicationServes();
  }

  private Curl.Response getQuietly(String... options) {
    try {
      return curl.get(url("/metrics"), options);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The sample line of the expiry metric in a scrape. */
  private static String expiryLine(String exposition) {
    List<String> samples =
        exposition
            .lines()
            .filter(
                line -> line.startsWith("status_exporter_tls_certificate_expiry_timestamp_seconds"))
            .collect(Collectors.toList());
    assertThat(samples).hasSize(1);
    return samples.get(0);
  }

  private static String value(String sample) {
    return sample.substring(sample.lastIndexOf(' ') + 1);
  }

  private static Instant notAfter(Path certificate) throws Exception {
    try (InputStream in = Files.newInputStream(certificate)) {
      return ((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in))
          .getNotAfter()
          .toInstant();
    }
  }

  private boolean scrapesQuietly(String... options) {
    try {
      return scrapes(options);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void generation(String name, String certificate, String key) throws Exception {
    Path generation = Files.createDirectories(directory.resolve(name));
    Files.copy(directory.resolve(certificate + ".crt"), generation.resolve("tls.crt"));
    Files.copy(directory.resolve(key + ".key"), generation.resolve("tls.key"));
  }

  private static void switchTo(Path link, String target) throws Exception {
    Path next = link.resolveSibling(link.getFileName() + ".next");
    Files.deleteIfExists(next);
    Files.createSymbolicLink(next, Path.of(target));
    Files.move(next, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  // The agent's reading of the web configuration, not the JDK's: on the first JDK only.
  @Tag("first-jdk-only")
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "client_auth: RequireAndVerifyClientCert"
            + " | :4: tls_server_config.client_auth: is not a known key",
        "key_file2: x | :4: tls_server_config.key_file2: is not a known key",
      })
  void anUnknownKeyServesNothingSaysSoInOneLineAndTheApplicationRunsOn(
      String extraLine, String expected) throws Exception {
    assertServesNothing(tls("server-EC_PKCS8") + "  " + extraLine + "\n", expected, null);
  }

  @Test
  void aKeyThatIsNotTheCertificatesServesNothingAndSaysWhichFile() throws Exception {
    assertServesNothing(
        "tls_server_config:\n  cert_file: server-EC_PKCS8.crt\n  key_file: server-EC_TRADITIONAL.key\n",
        ":3: tls_server_config.key_file: does not match the certificate in cert_file",
        null);
  }

  // The agent's reading of the web configuration, not the JDK's: on the first JDK only.
  @Tag("first-jdk-only")
  @Test
  void aPasswordHashThatIsNotBcryptServesNothingAndIsNotQuoted() throws Exception {
    String md5 = "$apr1$x1sYjTSX$QzXDeXs5TLvvX4BYmfkN71";
    assertServesNothing(
        tls("server-EC_PKCS8") + "basic_auth_users:\n  prometheus: '" + md5 + "'\n",
        ":5: basic_auth_users.prometheus: is not a bcrypt hash ($2y$, $2a$ or $2b$)",
        md5);
  }

  private void assertServesNothing(String webConfig, String expected, String secret)
      throws Exception {
    Path file = start(webConfig);

    assertThat(app.stderrBesidesServersMeasured())
        .singleElement()
        .asString()
        .startsWith("status-exporter: not serving metrics: web configuration " + file + expected)
        .endsWith(". Fix the file and restart; the application runs on.")
        .doesNotContain(secret == null ? "\u0000" : secret);
    // 7: nothing listens on the port, neither with TLS nor without.
    assertThat(curl.get(url("/metrics"), "--cacert", "ca.crt").exit).isEqualTo(7);
    assertThat(curl.get("http://localhost:" + agentPort + "/metrics").exit).isEqualTo(7);
    assertApplicationServes();
    assertThat(app.isAlive()).isTrue();
  }
}
