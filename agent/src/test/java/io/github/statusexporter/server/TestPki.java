package io.github.statusexporter.server;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Certificate authorities, certificates and keys for tests, made in memory and written as openssl
 * writes them. The integration tests make theirs with openssl itself.
 */
final class TestPki {
  private static long serial = 1;

  private TestPki() {}

  static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  static KeyPair ec() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** A key pair and its certificate. */
  static final class Issued {
    final KeyPair keys;
    final X509Certificate certificate;

    Issued(KeyPair keys, X509Certificate certificate) {
      this.keys = keys;
      this.certificate = certificate;
    }

    /** A certificate signed by this one, for localhost and 127.0.0.1. */
    Issued issue(String commonName, KeyPair subject) throws Exception {
      Instant now = Instant.now();
      return issue(
          commonName, subject, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)));
    }

    /** A certificate signed by this one, valid from {@code notBefore} until {@code notAfter}. */
    Issued issue(String commonName, KeyPair subject, Instant notBefore, Instant notAfter)
        throws Exception {
      return new Issued(
          subject, certificate(commonName, subject, this, false, notBefore, notAfter));
    }
  }

  static Issued authority(String commonName) throws Exception {
    KeyPair keys = ec();
    Instant now = Instant.now();
    return new Issued(
        keys,
        certificate(
            commonName,
            keys,
            null,
            true,
            now.minus(Duration.ofHours(1)),
            now.plus(Duration.ofDays(2))));
  }

  private static synchronized X509Certificate certificate(
      String commonName,
      KeyPair subject,
      Issued issuer,
      boolean authority,
      Instant notBefore,
      Instant notAfter)
      throws Exception {
    X500Principal name = new X500Principal("CN=" + commonName);
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer == null ? name : issuer.certificate.getSubjectX500Principal(),
            BigInteger.valueOf(serial++),
            Date.from(notBefore),
            Date.from(notAfter),
            name,
            subject.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
    if (!authority) {
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")
              }));
    }
    PrivateKey signer = issuer == null ? subject.getPrivate() : issuer.keys.getPrivate();
    String algorithm = signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer)));
  }

  static String pem(Object... objects) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (Object object : objects) {
        writer.writeObject(object);
      }
    }
    return text.toString();
  }

  /**
   * {@code -----BEGIN RSA PRIVATE KEY-----} or {@code EC PRIVATE KEY}, as openssl's -traditional
   * writes them: an EC key names its curve inside, which BouncyCastle's writer leaves out for keys
   * made by the JDK.
   */
  static String traditional(PrivateKey key) throws IOException {
    if (!key.getAlgorithm().equals("EC")) {
      return pem(key);
    }
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
    ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
    ECPrivateKey withCurve =
        new ECPrivateKey(
            256,
            inner.getKey(),
            inner.getPublicKey(),
            info.getPrivateKeyAlgorithm().getParameters());
    return pem(new PemObject("EC PRIVATE KEY", withCurve.getEncoded()));
  }

  /** {@code -----BEGIN PRIVATE KEY-----}, as openssl genpkey writes it. */
  static String pkcs8(PrivateKey key) throws IOException {
    return pem(new JcaPKCS8Generator(key, null).generate());
  }

  static Path write(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".new");
    Files.writeString(temporary, text);
    return Files.move(
        temporary,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * A client's TLS that trusts {@code authority} and, if {@code certificate} is not null, presents
   * it whatever CAs the server names, as curl does: the JDK's own choice would withhold a
   * certificate the server did not name, and a test of refusal could not fail.
   */
  static SSLContext client(Issued authority, Issued certificate) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", authority.certificate);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    KeyManager[] keys = null;
    if (certificate != null) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = "test".toCharArray();
      store.setKeyEntry(
          "client",
          certificate.keys.getPrivate(),
          password,
          new X509Certificate[] {certificate.certificate});
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      keys =
          new KeyManager[] {
            new AlwaysPresent((X509ExtendedKeyManager) factory.getKeyManagers()[0])
          };
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys, trust.getTrustManagers(), null);
    return context;
  }

  private static final class AlwaysPresent extends X509ExtendedKeyManager {
    private final X509ExtendedKeyManager keys;

    AlwaysPresent(X509ExtendedKeyManager keys) {
      this.keys = keys;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return "client";
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return "client";
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {"client"};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return keys.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return keys.getPrivateKey(alias);
    }
  }
}
