package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.statusexporter.config.web.TlsSettings;
import io.github.statusexporter.config.web.WebConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsFilesTest {
  @TempDir Path directory;
  private final List<String> log = new CopyOnWriteArrayList<>();

  private TlsSettings settings() throws Exception {
    Path file =
        TestPki.write(
            directory.resolve("web-config.yml"),
            "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n");
    return WebConfigFile.load(file, Map.of()).tls().orElseThrow();
  }

  private void writePair(TestPki.Issued server) throws Exception {
    TestPki.write(directory.resolve("server.crt"), TestPki.pem(server.certificate));
    TestPki.write(directory.resolve("server.key"), TestPki.pkcs8(server.keys.getPrivate()));
  }

  @Test
  void aCertificateReplacedOnDiskIsUsedAfterTheNextLook() throws Exception {
    TestPki.Issued ca = TestPki.authority("ca");
    TestPki.Issued first = ca.issue("first", TestPki.ec());
    writePair(first);
    TlsFiles files = new TlsFiles(settings(), log::add);
    assertThat(files.current().chain[0]).isEqualTo(first.certificate);

    TestPki.Issued second = ca.issue("second", TestPki.rsa());
    writePair(second);
    files.checkNow();

    TlsFiles.Material current = files.current();
    assertThat(current.chain[0]).isEqualTo(second.certificate);
    assertThat(current.keys.getPrivateKey(current.alias).getEncoded())
        .isEqualTo(second.keys.getPrivate().getEncoded());
    assertThat(log)
        .singleElement()
        .asString()
        .startsWith(
            "TLS certificate reloaded from "
                + directory.resolve("server.crt")
                + ": CN=second, valid until ");
  }

  @Test
  void aHandshakeThatStraddlesAReloadFindsTheKeyOfTheCertificateItChose() throws Exception {
    TestPki.Issued ca = TestPki.authority("ca");
    writePair(ca.issue("first", TestPki.ec()));
    TlsFiles files = new TlsFiles(settings(), log::add);
    String chosen = files.current().alias;

    writePair(ca.issue("second", TestPki.ec()));
    files.checkNow();

    assertThat(files.current().alias).isNotEqualTo(chosen);
    assertThat(files.withAlias(chosen)).isNotNull();
    assertThat(files.withAlias("status-exporter-99")).isNull();
  }

  @Test
  void aBadReplacementKeepsTheLastGoodCertificateAndIsToldOnce() throws Exception {
    TestPki.Issued ca = TestPki.authority("ca");
    TestPki.Issued good = ca.issue("good", TestPki.ec());
    writePair(good);
    TlsFiles files = new TlsFiles(settings(), log::add);

    // A new certificate without its new key: the pair does not match.
    TestPki.write(
        directory.resolve("server.crt"), TestPki.pem(ca.issue("new", TestPki.ec()).certificate));
    files.checkNow();
    files.checkNow();

    assertThat(files.current().chain[0]).isEqualTo(good.certificate);
    assertThat(log)
        .containsExactly(
            "TLS files not reloaded: "
                + directory.resolve("web-config.yml")
                + ":3: tls_server_config.key_file: does not match the certificate in cert_file (the"
                + " first certificate there must be the server's own); the last good certificate"
                + " stays in use");
  }

  @Test
  void anExpiredCertificateIsServedAndToldAtStartWithItsFileDatesAndWhatToDo() throws Exception {
    TestPki.Issued expired =
        TestPki.authority("ca")
            .issue(
                "expired",
                TestPki.ec(),
                Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-02-01T00:00:00Z"));
    writePair(expired);

    TlsFiles files = new TlsFiles(settings(), log::add);

    assertThat(files.current().chain[0]).isEqualTo(expired.certificate);
    assertThat(log)
        .containsExactly(
            "TLS certificate "
                + directory.resolve("server.crt")
                + " has expired: CN=expired, valid from 2020-01-01T00:00:00Z until"
                + " 2020-02-01T00:00:00Z. Scrapers that check certificates refuse it; replace the"
                + " file with a valid certificate (it is picked up without a restart)");
  }

  @Test
  void aReplacementThatIsNotValidYetIsServedAndToldAfterTheReloadLine() throws Exception {
    TestPki.Issued ca = TestPki.authority("ca");
    writePair(ca.issue("valid", TestPki.ec()));
    TlsFiles files = new TlsFiles(settings(), log::add);
    assertThat(log).isEmpty();

    TestPki.Issued later =
        ca.issue(
            "later",
            TestPki.ec(),
            Instant.parse("2099-01-01T00:00:00Z"),
            Instant.parse("2099-02-01T00:00:00Z"));
    writePair(later);
    files.checkNow();

    assertThat(files.current().chain[0]).isEqualTo(later.certificate);
    Path certFile = directory.resolve("server.crt");
    assertThat(log)
        .containsExactly(
            "TLS certificate reloaded from "
                + certFile
                + ": CN=later, valid until 2099-02-01T00:00:00Z",
            "TLS certificate "
                + certFile
                + " is not valid yet: CN=later, valid from 2099-01-01T00:00:00Z until"
                + " 2099-02-01T00:00:00Z. Scrapers that check certificates refuse it until then;"
                + " check this machine's clock, or replace the file with a valid certificate (it"
                + " is picked up without a restart)");
  }

  @Test
  void aCertificateThatExpiresWhileServedIsToldOnceAtTheNextLook() throws Exception {
    Instant notAfter = Instant.parse("2030-01-01T00:00:00Z");
    writePair(
        TestPki.authority("ca")
            .issue("soon", TestPki.ec(), Instant.parse("2029-01-01T00:00:00Z"), notAfter));
    AtomicReference<Instant> now = new AtomicReference<>(notAfter.minusSeconds(1));
    TlsFiles files = new TlsFiles(settings(), log::add, now::get);
    files.checkNow();
    assertThat(log).isEmpty();

    now.set(notAfter.plusSeconds(1));
    files.checkNow();
    files.checkNow();

    assertThat(log)
        .containsExactly(
            "TLS certificate "
                + directory.resolve("server.crt")
                + " has expired: CN=soon, valid from 2029-01-01T00:00:00Z until"
                + " 2030-01-01T00:00:00Z. Scrapers that check certificates refuse it; replace the"
                + " file with a valid certificate (it is picked up without a restart)");
  }

  @Test
  void aFileThatCannotBeReadAtStartNamesItsKeyAndPath() throws Exception {
    writePair(TestPki.authority("ca").issue("localhost", TestPki.ec()));
    Files.delete(directory.resolve("server.key"));

    assertThatThrownBy(() -> new TlsFiles(settings(), log::add))
        .isInstanceOf(TlsFileException.class)
        .hasMessage(
            "'"
                + directory.resolve("server.key")
                + "' does not exist; name a PEM file the JVM's user can read");
  }
}
