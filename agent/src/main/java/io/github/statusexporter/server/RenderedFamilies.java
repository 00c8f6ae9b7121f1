package io.github.statusexporter.server;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Writes a scrape's families in one format, reusing the bytes of each family that is the very same
 * snapshot as in the scrape before: the jmx_exporter rules' families whose samples did not change
 * are (see {@code jmxrules.Families}), and with its catch-all rules on a server's MBeans most do.
 * Writing their help and samples again was most of a scrape's own CPU time.
 *
 * <p>A family that is the same object in {@link #STEADY_SCRAPES} scrapes in a row is written on its
 * own once, and its bytes are reused while it stays so (one that changes every other scrape or so,
 * a CPU time counted in ticks, would be written on its own again and again, each time with the
 * writer's buffers); all other families go to the format's writer in one call after the reused
 * ones, so the families are not in name order, which no format requires (none may interleave: each
 * family's bytes are whole). What the writer writes after the families ({@code # EOF} in
 * OpenMetrics) comes once, at the end. A name shared by two snapshots (client_java merges them when
 * writing) is never reused. Renderings run one at a time ({@link SharedRenderings}): no locking.
 */
final class RenderedFamilies {
  /** Families written on their own per answer at most (each costs the writer's buffers, ~24 KB). */
  static final int MAX_NEWLY_KEPT_PER_ANSWER = 64;

  /** Bytes kept at most, over all families; past it the rest are written anew each time. */
  static final int MAX_KEPT_BYTES = 4 * 1024 * 1024;

  /** Scrapes in a row a family must be the same object in before it is written on its own. */
  static final int STEADY_SCRAPES = 3;

  /**
   * A family written with the others while it stays the same object: it shares its name, its bytes
   * alone did not end with the trailer, or they did not fit in what may be kept.
   */
  private static final Object WITH_THE_OTHERS = new Object();

  private final ExpositionFormatWriter writer;
  private final EscapingScheme escaping;
  private final int maxKeptBytes;

  /** What the writer writes for no family at all: its trailer. */
  private final byte[] trailer;

  /**
   * Each family of the scrape before: its bytes, the scrapes in a row it was seen in, or why it is
   * not written on its own.
   */
  private IdentityHashMap<MetricSnapshot, Object> before = new IdentityHashMap<>();

  private IdentityHashMap<MetricSnapshot, Object> now = new IdentityHashMap<>();

  RenderedFamilies(ExpositionFormatWriter writer, EscapingScheme escaping) throws IOException {
    this(writer, escaping, MAX_KEPT_BYTES);
  }

  RenderedFamilies(ExpositionFormatWriter writer, EscapingScheme escaping, int maxKeptBytes)
      throws IOException {
    this.writer = writer;
    this.escaping = escaping;
    this.maxKeptBytes = maxKeptBytes;
    this.trailer = render(MetricSnapshots.of());
  }

  /** Writes {@code snapshots} to {@code out} as the writer would, in another order. */
  void write(OutputStream out, MetricSnapshots snapshots) throws IOException {
    now.clear(); // what a failed write left
    List<MetricSnapshot> written = new ArrayList<>();
    int newlyKept = 0;
    long keptBytes = 0;
    for (int i = 0; i < snapshots.size(); i++) {
      MetricSnapshot snapshot = snapshots.get(i);
      // Sorted by name: a shared name is beside its twin.
      Object kept = sharesItsName(snapshots, i) ? WITH_THE_OTHERS : before.get(snapshot);
      if (kept == null || kept instanceof Integer) {
        int seen = kept == null ? 1 : (Integer) kept + 1;
        kept = Math.min(seen, STEADY_SCRAPES); // a small Integer: a shared one
        if (seen >= STEADY_SCRAPES && newlyKept < MAX_NEWLY_KEPT_PER_ANSWER) {
          kept = keptBytes < maxKeptBytes ? alone(snapshot) : WITH_THE_OTHERS;
          newlyKept++;
        }
      }
      if (kept instanceof byte[]) {
        byte[] bytes = (byte[]) kept;
        if (keptBytes + bytes.length <= maxKeptBytes) {
          out.write(bytes);
          keptBytes += bytes.length;
          now.put(snapshot, bytes);
          continue;
        }
        kept = WITH_THE_OTHERS;
      }
      written.add(snapshot);
      now.put(snapshot, kept);
    }
    writer.write(out, new MetricSnapshots(written), escaping);
    IdentityHashMap<MetricSnapshot, Object> done = before;
    before = now;
    now = done;
    now.clear();
  }

  private static boolean sharesItsName(MetricSnapshots snapshots, int i) {
    String name = snapshots.get(i).getMetadata().getPrometheusName();
    return (i > 0 && snapshots.get(i - 1).getMetadata().getPrometheusName().equals(name))
        || (i + 1 < snapshots.size()
            && snapshots.get(i + 1).getMetadata().getPrometheusName().equals(name));
  }

  /** The family's bytes without the trailer, or {@link #WITH_THE_OTHERS} when they lack it. */
  private Object alone(MetricSnapshot snapshot) throws IOException {
    byte[] bytes = render(MetricSnapshots.of(snapshot));
    int length = bytes.length - trailer.length;
    if (length < 0 || !Arrays.equals(bytes, length, bytes.length, trailer, 0, trailer.length)) {
      return WITH_THE_OTHERS;
    }
    return Arrays.copyOf(bytes, length);
  }

  private byte[] render(MetricSnapshots snapshots) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, snapshots, escaping);
    return out.toByteArray();
  }
}
