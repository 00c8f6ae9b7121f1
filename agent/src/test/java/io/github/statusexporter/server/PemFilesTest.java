package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemFilesTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static KeyPair keys(String algorithm) throws Exception {
    return algorithm.equals("RSA") ? TestPki.rsa() : TestPki.ec();
  }

  @ParameterizedTest
  @CsvSource({"RSA, pkcs8", "RSA, traditional", "EC, pkcs8", "EC, traditional"})
  void readsRsaAndEcKeysInPkcs8AndTraditionalPemAndMatchesThemToTheirCertificate(
      String algorithm, String format) throws Exception {
    TestPki.Issued server = TestPki.authority("ca").issue("localhost", keys(algorithm));
    String pem =
        format.equals("pkcs8")
            ? TestPki.pkcs8(server.keys.getPrivate())
            : TestPki.traditional(server.keys.getPrivate());
    assertThat(pem)
        .startsWith(
            format.equals("pkcs8")
                ? "-----BEGIN PRIVATE KEY-----"
                : "-----BEGIN " + algorithm + " PRIVATE KEY-----");

    PrivateKey key = PemFiles.privateKey(bytes(pem), "key_file");

    assertThat(key.getAlgorithm()).isEqualTo(algorithm);
    PemFiles.checkPair(key, server.certificate);
  }

  @Test
  void skipsEcParametersAndCertificatesAroundTheKeyAsOpensslWritesThem() throws Exception {
    TestPki.Issued server = TestPki.authority("ca").issue("localhost", TestPki.ec());
    String parameters =
        TestPki.pem(
            new PemObject("EC PARAMETERS", ECNamedCurveTable.getOID("prime256v1").getEncoded()));
    String pem =
        parameters
            + TestPki.traditional(server.keys.getPrivate())
            + TestPki.pem(server.certificate);

    PemFiles.checkPair(PemFiles.privateKey(bytes(pem), "key_file"), server.certificate);
  }

  @Test
  void readsTheWholeChainInFileOrderAndSkipsOtherBlocks() throws Exception {
    TestPki.Issued ca = TestPki.authority("ca");
    TestPki.Issued server = ca.issue("localhost", TestPki.ec());
    String pem =
        "Some text before\n"
            + TestPki.pem(server.certificate, ca.certificate)
            + TestPki.pkcs8(server.keys.getPrivate());

    List<X509Certificate> chain = PemFiles.certificates(bytes(pem), "cert_file");

    assertThat(chain).containsExactly(server.certificate, ca.certificate);
  }

  @Test
  void aKeyFromAnotherPairIsRefusedAsNotMatching() throws Exception {
    TestPki.Issued ca = TestPki.authority("ca");
    TestPki.Issued server = ca.issue("localhost", TestPki.ec());
    PrivateKey other = TestPki.ec().getPrivate();

    assertThatThrownBy(() -> PemFiles.checkPair(other, server.certificate))
        .isInstanceOf(TlsFileException.class)
        .hasMessage(
            "does not match the certificate in cert_file (the first certificate there must be the"
                + " server's own)")
        .extracting(e -> ((TlsFileException) e).key())
        .isEqualTo("key_file");
  }

  @Test
  void aKeyOfAnotherAlgorithmThanTheCertificateSaysSo() throws Exception {
    TestPki.Issued server = TestPki.authority("ca").issue("localhost", TestPki.ec());

    assertThatThrownBy(() -> PemFiles.checkPair(TestPki.rsa().getPrivate(), server.certificate))
        .hasMessage(
            "holds an RSA key, but the certificate in cert_file is for an EC key: they do not"
                + " belong together");
  }

  @Test
  void anEncryptedKeyIsRefusedWithWhatToDo() throws Exception {
    PrivateKey key = TestPki.rsa().getPrivate();
    String pkcs8 =
        TestPki.pem(
            new JcaPKCS8Generator(
                    key,
                    new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.PBE_SHA1_3DES)
                        .setPassword("secret".toCharArray())
                        .build())
                .generate());
    // PEMParser reads the headers only; the content stays encrypted until asked for.
    byte[] content = new byte[1200];
    new SecureRandom().nextBytes(content);
    String traditional =
        TestPki.pem(
            new PemObject(
                "RSA PRIVATE KEY",
                List.of(
                    new PemHeader("Proc-Type", "4,ENCRYPTED"),
                    new PemHeader("DEK-Info", "DES-EDE3-CBC,0123456789ABCDEF")),
                content));
    assertThat(pkcs8).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertThat(traditional).contains("Proc-Type: 4,ENCRYPTED");

    for (String encrypted : List.of(pkcs8, traditional)) {
      assertThatThrownBy(() -> PemFiles.privateKey(bytes(encrypted), "key_file"))
          .hasMessage(
              "holds an encrypted private key; the server needs it unencrypted, as"
                  + " exporter-toolkit does (openssl pkey -in encrypted.pem -out key.pem)");
    }
  }

  @Test
  void filesWithoutAKeyOrCertificateSaySoWithoutQuotingTheirContent() throws Exception {
    TestPki.Issued server = TestPki.authority("ca").issue("localhost", TestPki.ec());
    String certificate = TestPki.pem(server.certificate);
    String key = TestPki.pkcs8(server.keys.getPrivate());

    assertThatThrownBy(() -> PemFiles.privateKey(bytes(certificate), "key_file"))
        .hasMessage(
            "holds no PEM private key (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE"
                + " KEY)");
    assertThatThrownBy(() -> PemFiles.certificates(bytes(key), "cert_file"))
        .hasMessage("holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    String broken = key.replace(key.substring(40, 80), "A".repeat(40));
    assertThatThrownBy(() -> PemFiles.privateKey(bytes(broken), "key_file"))
        .hasMessageStartingWith("holds a PEM block that is not a readable private key (")
        .hasMessageNotContaining(broken.substring(30, 60));
  }
}
