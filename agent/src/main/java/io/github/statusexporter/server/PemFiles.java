package io.github.statusexporter.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Certificates and private keys in PEM, as openssl writes them. BouncyCastle parses the PEM and the
 * ASN.1 of traditional keys ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}); the JDK's own
 * providers make the keys, so no BouncyCastle provider is installed. Messages never quote content.
 */
final class PemFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private PemFiles() {}

  /**
   * The certificates of a PEM file in file order; other blocks, such as a key, are skipped.
   *
   * @throws TlsFileException when the file holds none, or one that cannot be read
   */
  static List<X509Certificate> certificates(byte[] pem, String key) throws TlsFileException {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (PEMParser parser = parser(pem)) {
      Object object;
      while ((object = parser.readObject()) != null) {
        if (object instanceof X509CertificateHolder) {
          certificates.add(converter.getCertificate((X509CertificateHolder) object));
        }
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new TlsFileException(
          key, "holds a PEM block that is not a readable certificate (" + simpleName(e) + ")");
    }
    if (certificates.isEmpty()) {
      throw new TlsFileException(key, "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return certificates;
  }

  /**
   * The first private key of a PEM file: PKCS#8 ({@code PRIVATE KEY}) or traditional ({@code RSA
   * PRIVATE KEY}, {@code EC PRIVATE KEY}); other blocks, such as EC parameters, are skipped.
   *
   * @throws TlsFileException when the file holds no unencrypted key that can be read
   */
  static PrivateKey privateKey(byte[] pem, String key) throws TlsFileException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (PEMParser parser = parser(pem)) {
      Object object;
      while ((object = parser.readObject()) != null) {
        if (object instanceof PEMKeyPair) {
          return converter.getPrivateKey(((PEMKeyPair) object).getPrivateKeyInfo());
        }
        if (object instanceof PrivateKeyInfo) {
          return converter.getPrivateKey((PrivateKeyInfo) object);
        }
        if (object instanceof PEMEncryptedKeyPair
            || object instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new TlsFileException(
              key,
              "holds an encrypted private key; the server needs it unencrypted, as"
                  + " exporter-toolkit does (openssl pkey -in encrypted.pem -out key.pem)");
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new TlsFileException(
          key, "holds a PEM block that is not a readable private key (" + simpleName(e) + ")");
    }
    throw new TlsFileException(
        key,
        "holds no PEM private key (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE"
            + " KEY)");
  }

  /**
   * Checks that the key belongs to the certificate by signing with one and verifying with the
   * other, which works alike for RSA and EC.
   *
   * @throws TlsFileException naming {@code key_file} when they do not match
   */
  static void checkPair(PrivateKey privateKey, X509Certificate certificate)
      throws TlsFileException {
    String algorithm = privateKey.getAlgorithm();
    String certified = certificate.getPublicKey().getAlgorithm();
    String signature;
    if ("RSA".equals(algorithm)) {
      signature = "SHA256withRSA";
    } else if ("EC".equals(algorithm)) {
      signature = "SHA256withECDSA";
    } else {
      throw new TlsFileException(
          "key_file", "holds a " + algorithm + " key; RSA and EC keys are supported");
    }
    if (!algorithm.equals(certified)) {
      throw new TlsFileException(
          "key_file",
          "holds an "
              + algorithm
              + " key, but the certificate in cert_file is for an "
              + certified
              + " key: they do not belong together");
    }
    try {
      byte[] challenge = new byte[32];
      RANDOM.nextBytes(challenge);
      Signature signer = Signature.getInstance(signature);
      signer.initSign(privateKey);
      signer.update(challenge);
      byte[] signed = signer.sign();
      Signature verifier = Signature.getInstance(signature);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      if (verifier.verify(signed)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      // reported below
    }
    throw new TlsFileException(
        "key_file",
        "does not match the certificate in cert_file (the first certificate there must be the"
            + " server's own)");
  }

  private static PEMParser parser(byte[] pem) {
    return new PEMParser(
        new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.US_ASCII));
  }

  private static String simpleName(Exception e) {
    return e.getClass().getSimpleName();
  }
}
