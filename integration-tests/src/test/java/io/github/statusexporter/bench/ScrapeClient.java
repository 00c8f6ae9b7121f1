package io.github.statusexporter.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Scrapes {@code /metrics} as Prometheus does: one keep-alive connection (the JDK reuses it when
 * the body is read to the end), the format's headers, the body read whole.
 */
final class ScrapeClient {
  private final URL url;

  ScrapeClient(String url) throws IOException {
    this.url = new URL(url);
  }

  /** One scrape's body as sent (compressed when asked), failing unless it answers 200. */
  byte[] scrape(ScrapeFormat format) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setConnectTimeout(5000);
    connection.setReadTimeout(10_000);
    if (format.accept != null) {
      connection.setRequestProperty("Accept", format.accept);
    }
    if (format.gzip) {
      connection.setRequestProperty("Accept-Encoding", "gzip");
    }
    int status = connection.getResponseCode();
    if (status != 200) {
      throw new IOException(url + " answered " + status);
    }
    try (InputStream body = connection.getInputStream()) {
      return body.readAllBytes();
    }
  }

  /** Samples in a text 0.0.4 body: every line that is neither empty nor a comment. */
  static int samples(byte[] textBody) {
    int samples = 0;
    boolean lineStart = true;
    for (byte b : textBody) {
      if (lineStart && b != '#' && b != '\n') {
        samples++;
      }
      lineStart = b == '\n';
    }
    return samples;
  }
}
