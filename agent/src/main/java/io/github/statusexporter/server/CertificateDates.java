package io.github.statusexporter.server;

import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

/**
 * What to tell an operator whose server certificate is outside its dates. Such a certificate is
 * still served: scrapers that check certificates refuse it anyway, those that do not (Prometheus'
 * {@code insecure_skip_verify}) keep their metrics, and an agent that refused to start would take
 * the metrics away from both without making anything safer.
 */
final class CertificateDates {
  private CertificateDates() {}

  /**
   * One line naming the file, the certificate and its dates, and what to do; null when {@code now}
   * is within the certificate's dates.
   */
  static String warning(Path file, X509Certificate certificate, Instant now) {
    try {
      certificate.checkValidity(Date.from(now));
      return null;
    } catch (CertificateExpiredException e) {
      return describe(file, certificate, "has expired")
          + ". Scrapers that check certificates refuse it; replace the file with a valid"
          + " certificate (it is picked up without a restart)";
    } catch (CertificateNotYetValidException e) {
      return describe(file, certificate, "is not valid yet")
          + ". Scrapers that check certificates refuse it until then; check this machine's clock,"
          + " or replace the file with a valid certificate (it is picked up without a restart)";
    }
  }

  private static String describe(Path file, X509Certificate certificate, String problem) {
    return "TLS certificate "
        + file
        + " "
        + problem
        + ": "
        + certificate.getSubjectX500Principal().getName()
        + ", valid from "
        + certificate.getNotBefore().toInstant()
        + " until "
        + certificate.getNotAfter().toInstant();
  }
}
