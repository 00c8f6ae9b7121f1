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

  /** A family whose bytes alone did not end with the trailer: never written on its own again. */
  private static final Object NOT_WHOLE = new Object();

  private final ExpositionFormatWriter writer;
  private final EscapingScheme escaping;

  /** What the writer writes for no family at all: its trailer. */
  private final byte[] trailer;

  /** Each family of the scrape before: its bytes, or the scrapes in a row it was seen in. */
  private IdentityHashMap<MetricSnapshot, Object> before = new IdentityHashMap<>();

  private IdentityHashMap<MetricSnapshot, Object> now = new IdentityHashMap<>();

  RenderedFamilies(ExpositionFormatWriter writer, EscapingScheme escaping) throws IOException {
    this.writer = writer;
    this.escaping = escaping;
    this.trailer = render(MetricSnapshots.of());
  }

  /** Writes {@code snapshots} to {@code out} as the writer would, in another order. */
  void write(OutputStream out, MetricSnapshots snapshots) throws IOException {
    List<MetricSnapshot> written = new ArrayList<>();
    int newlyKept = 0;
    long keptBytes = 0;
    for (int i = 0; i < snapshots.size(); i++) {
      MetricSnapshot snapshot = snapshots.get(i);
      // Sorted by name: a shared name is beside its twin.
      if (sharesItsName(snapshots, i)) {
        written.add(snapshot);
        continue;
      }
      Object kept = before.get(snapshot);
      if (kept == NOT_WHOLE) {
        written.add(snapshot);
        now.put(snapshot, NOT_WHOLE);
        continue;
      }
      int seen = kept instanceof Integer ? (Integer) kept + 1 : 1;
      if (seen >= STEADY_SCRAPES
          && newlyKept < MAX_NEWLY_KEPT_PER_ANSWER
          && keptBytes < MAX_KEPT_BYTES) {
        kept = alone(snapshot);
        newlyKept++;
      }
      if (kept instanceof byte[] && keptBytes + ((byte[]) kept).length <= MAX_KEPT_BYTES) {
        byte[] bytes = (byte[]) kept;
        out.write(bytes);
        keptBytes += bytes.length;
        now.put(snapshot, bytes);
      } else {
        written.add(snapshot);
        now.put(snapshot, kept == NOT_WHOLE ? NOT_WHOLE : Math.min(seen, STEADY_SCRAPES));
      }
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

  /** The family's bytes without the trailer, or {@link #NOT_WHOLE}. */
  private Object alone(MetricSnapshot snapshot) throws IOException {
    byte[] bytes = render(MetricSnapshots.of(snapshot));
    int length = bytes.length - trailer.length;
    if (length < 0 || !Arrays.equals(bytes, length, bytes.length, trailer, 0, trailer.length)) {
      return NOT_WHOLE;
    }
    return Arrays.copyOf(bytes, length);
  }

  private byte[] render(MetricSnapshots snapshots) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, snapshots, escaping);
    return out.toByteArray();
  }
}
