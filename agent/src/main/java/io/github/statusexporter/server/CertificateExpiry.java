package io.github.statusexporter.server;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;

/**
 * When the certificate the metrics server presents expires, so that an alert can fire while there
 * is time to renew it: once it has expired, scrapers that check it get no metrics at all. It asks
 * {@link TlsFiles} for the current certificate, which looks at the files if a look is due, so a
 * scrape shows a rotated certificate even over a connection opened before the rotation.
 */
final class CertificateExpiry implements Collector {
  static final String NAME = "status_exporter_tls_certificate_expiry_timestamp_seconds";
  private static final String HELP =
      "When the metrics server's TLS certificate (the first in cert_file, or the keystore entry"
          + " served) expires (its notAfter),"
          + " in seconds since the epoch.";

  private final Supplier<X509Certificate> certificate;
  private final Labels labels;

  CertificateExpiry(TlsFiles files, Path certFile) {
    this(() -> files.current().chain[0], certFile.toString());
  }

  /**
   * @param certificate the certificate served now
   * @param file where it is read from, as the label {@code file} says
   */
  CertificateExpiry(Supplier<X509Certificate> certificate, String file) {
    this.certificate = certificate;
    this.labels = Labels.of("file", file);
  }

  @Override
  public MetricSnapshot collect() {
    long notAfterMillis = certificate.get().getNotAfter().getTime();
    return GaugeSnapshot.builder()
        .name(NAME)
        .help(HELP)
        .unit(Unit.SECONDS)
        .dataPoint(
            GaugeDataPointSnapshot.builder()
                .labels(labels)
                .value(Unit.millisToSeconds(notAfterMillis))
                .build())
        .build();
  }

  @Override
  public MetricFamilyDescriptor getMetricFamilyDescriptor() {
    return MetricFamilyDescriptor.gauge(NAME)
        .help(HELP)
        .unit(Unit.SECONDS)
        .labelNames("file")
        .build();
  }
}
