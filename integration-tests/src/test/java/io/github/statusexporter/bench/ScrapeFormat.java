package io.github.statusexporter.bench;

/** How a scrape asks for its metrics: the headers that choose the format and compression. */
enum ScrapeFormat {
  /** As curl asks: no Accept header, so Prometheus text 0.0.4, uncompressed. */
  TEXT("text 0.0.4", null, false),
  /** As Prometheus asks by default: OpenMetrics first, gzip. */
  OPENMETRICS_GZIP(
      "OpenMetrics, gzip",
      "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
      true),
  /** As Prometheus asks with native histograms on: protobuf first, gzip. */
  PROTOBUF_GZIP(
      "protobuf, gzip",
      "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;"
          + "q=0.6,application/openmetrics-text;version=1.0.0;q=0.5,*/*;q=0.2",
      true);

  final String label;
  final String accept;
  final boolean gzip;

  ScrapeFormat(String label, String accept, boolean gzip) {
    this.label = label;
    this.accept = accept;
    this.gzip = gzip;
  }
}
