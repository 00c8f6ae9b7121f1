package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipEncodingTest {
  private final GzipEncoding encoding = new GzipEncoding();

  private byte[] encoded(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = encoding.encoding(out)) {
      gzip.write(body, 0, body.length / 3);
      gzip.write(body, body.length / 3, body.length - body.length / 3);
    }
    return out.toByteArray();
  }

  /** The JDK's reader checks the header, the CRC-32 and the size in the trailer. */
  private static byte[] decoded(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  @Test
  void answersReadBackAsWrittenOneAfterAnotherWithTheOneDeflater() throws IOException {
    byte[] scrape =
        "# TYPE app_uptime gauge\napp_uptime 1.5\n".repeat(400).getBytes(StandardCharsets.UTF_8);
    byte[] noise = new byte[300_000]; // larger than the buffer, and incompressible
    new Random(7).nextBytes(noise);

    for (byte[] body : new byte[][] {scrape, noise, new byte[0], scrape}) {
      assertThat(decoded(encoded(body))).isEqualTo(body);
    }
    assertThat(encoded(scrape).length).isLessThan(scrape.length / 10);
  }

  @Test
  void theHeaderSaysDeflateAtTheFastestLevelWithNoNameNoTimeAndAnUnknownSystem()
      throws IOException {
    assertThat(encoded(new byte[] {'x'})).startsWith(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 0xff);
  }

  @Test
  void finishingThenClosingWritesTheTrailerOnce() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStream gzip = encoding.encoding(out);
    ((DeflaterOutputStream) gzip).finish();
    gzip.close();

    // Header 10, an empty final deflate block 2, CRC-32 and size 8 (the JDK's reader would not
    // notice bytes after the trailer).
    assertThat(out.toByteArray()).hasSize(20);
    assertThat(decoded(out.toByteArray())).isEmpty();
  }

  @Test
  void anAnswerAbandonedHalfWrittenLeavesTheNextWhole() throws IOException {
    OutputStream abandoned = encoding.encoding(new ByteArrayOutputStream());
    abandoned.write(new byte[10_000]); // a rendering that failed: never closed

    byte[] body = "after\n".getBytes(StandardCharsets.UTF_8);
    assertThat(decoded(encoded(body))).isEqualTo(body);
  }
}
