package io.github.statusexporter.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** TLS that trusts the certificate authorities of one PEM file, for an https status source. */
public final class TrustedCertificates {
  /** A bundle of certificate authorities is a few hundred kilobytes at most. */
  static final int MAX_BYTES = 1024 * 1024;

  private TrustedCertificates() {}

  /**
   * @throws IOException when the file cannot be read, is not a regular file or is too large
   * @throws GeneralSecurityException when it holds no PEM certificate
   */
  public static SSLSocketFactory socketFactory(Path pemFile)
      throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> certificates =
        CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(readBounded(pemFile)));
    if (certificates.isEmpty()) {
      throw new GeneralSecurityException("no PEM certificate in " + pemFile);
    }
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    int i = 0;
    for (Certificate certificate : certificates) {
      trusted.setCertificateEntry("ca-" + i++, certificate);
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context.getSocketFactory();
  }

  /**
   * Only a regular file of bounded size: the certificate parser skips any bytes before a PEM
   * header, without limit, so /dev/zero would keep it busy forever and a named pipe would block the
   * load of the mapping file forever.
   */
  private static byte[] readBounded(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("not a regular file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException("larger than " + MAX_BYTES + " bytes");
      }
      return bytes;
    }
  }
}
