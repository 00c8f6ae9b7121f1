package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Families that are the same snapshot as in the scrape before are written from their kept bytes;
 * the answer holds the same families as the writer's own, each whole, with the format's trailer
 * once at the end.
 */
class RenderedFamiliesTest {
  private static final ExpositionFormats FORMATS =
      ExpositionFormats.init(PrometheusProperties.builder().build().getExporterProperties());

  private final MetricSnapshot steady = gauge("steady", 1);
  private final MetricSnapshot alsoSteady = counter("also_steady", 7);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain; version=0.0.4",
        "application/openmetrics-text; version=1.0.0",
        "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
            + " encoding=delimited"
      })
  void theAnswerHoldsTheWritersFamiliesEachWholeWithTheTrailerOnce(String accept)
      throws IOException {
    ExpositionFormatWriter writer = FORMATS.findWriter(accept);
    RecordingWriter recording = new RecordingWriter(writer);
    RenderedFamilies families = new RenderedFamilies(recording, EscapingScheme.DEFAULT);

    for (int scrape = 0; scrape < 4; scrape++) {
      MetricSnapshots snapshots =
          new MetricSnapshots(List.of(steady, alsoSteady, gauge("moving", scrape)));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      recording.asked.clear();
      families.write(out, snapshots);

      assertThat(pieces(out.toByteArray(), accept))
          .isEqualTo(pieces(whole(writer, snapshots), accept));
      if (scrape == 3) {
        // Written alone at the third scrape and kept: only the family that moved is written.
        assertThat(recording.asked).containsExactly(List.of("moving"));
      }
    }
  }

  @Test
  void twoSnapshotsOfOneNameAreNeverKeptSoTheWriterMergesThem() throws IOException {
    ExpositionFormatWriter writer = FORMATS.getPrometheusTextFormatWriter();
    RecordingWriter recording = new RecordingWriter(writer);
    RenderedFamilies families = new RenderedFamilies(recording, EscapingScheme.DEFAULT);
    MetricSnapshots snapshots = new MetricSnapshots(List.of(twin(1), twin(2)));
    for (int scrape = 0; scrape < 3; scrape++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      recording.asked.clear();
      families.write(out, snapshots);
      assertThat(recording.asked).containsExactly(List.of("twin", "twin"));
      assertThat(out.toByteArray()).isEqualTo(whole(writer, snapshots));
    }
  }

  @Test
  void noMoreFamiliesThanTheLimitAreWrittenOnTheirOwnPerAnswer() throws IOException {
    List<MetricSnapshot> many = new ArrayList<>();
    for (int i = 0; i < RenderedFamilies.MAX_NEWLY_KEPT_PER_ANSWER + 10; i++) {
      many.add(gauge("family_" + i, i));
    }
    MetricSnapshots snapshots = new MetricSnapshots(many);
    RecordingWriter recording = new RecordingWriter(FORMATS.getPrometheusTextFormatWriter());
    RenderedFamilies families = new RenderedFamilies(recording, EscapingScheme.DEFAULT);
    for (int scrape = 1; scrape < RenderedFamilies.STEADY_SCRAPES; scrape++) {
      families.write(new ByteArrayOutputStream(), snapshots);
    }
    recording.asked.clear();

    families.write(new ByteArrayOutputStream(), snapshots);
    long alone = recording.asked.stream().filter(names -> names.size() == 1).count();
    assertThat(alone).isEqualTo(RenderedFamilies.MAX_NEWLY_KEPT_PER_ANSWER);
    assertThat(recording.asked.get(recording.asked.size() - 1)).hasSize(10);

    families.write(new ByteArrayOutputStream(), snapshots); // the last 10 are written alone
    recording.asked.clear();
    families.write(new ByteArrayOutputStream(), snapshots);
    assertThat(recording.asked).containsExactly(List.of()); // all kept now
  }

  @Test
  void familiesBeyondTheBytesKeptAreWrittenWithTheOthersNotAloneAgainAndAgain() throws IOException {
    List<MetricSnapshot> many = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      many.add(gauge("family_" + i, i)); // ~80 bytes each alone
    }
    MetricSnapshots snapshots = new MetricSnapshots(many);
    ExpositionFormatWriter writer = FORMATS.getPrometheusTextFormatWriter();
    RecordingWriter recording = new RecordingWriter(writer);
    RenderedFamilies families = new RenderedFamilies(recording, EscapingScheme.DEFAULT, 300);
    for (int scrape = 0; scrape < RenderedFamilies.STEADY_SCRAPES + 1; scrape++) {
      families.write(new ByteArrayOutputStream(), snapshots);
    }

    for (int scrape = 0; scrape < 3; scrape++) {
      recording.asked.clear();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      families.write(out, snapshots);
      assertThat(recording.asked).hasSize(1); // those kept, then the rest in one call
      assertThat(recording.asked.get(0)).hasSizeBetween(6, 9);
      assertThat(pieces(out.toByteArray(), "text"))
          .isEqualTo(pieces(whole(writer, snapshots), "text"));
    }
  }

  /** What the writer writes for the snapshots in one call. */
  private static byte[] whole(ExpositionFormatWriter writer, MetricSnapshots snapshots)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, snapshots, EscapingScheme.DEFAULT);
    return out.toByteArray();
  }

  /**
   * An answer cut into its families, sorted, then its trailer: text cut where a family's first line
   * ({@code # HELP} or {@code # TYPE} of a new name) begins, protobuf at each length prefix.
   */
  private static List<String> pieces(byte[] answer, String accept) {
    List<String> pieces = new ArrayList<>();
    String trailer = "";
    if (accept.contains("protobuf")) {
      int offset = 0;
      while (offset < answer.length) {
        int length = 0;
        int shift = 0;
        byte b;
        int start = offset;
        do {
          b = answer[offset++];
          length |= (b & 0x7f) << shift;
          shift += 7;
        } while ((b & 0x80) != 0);
        pieces.add(Arrays.toString(Arrays.copyOfRange(answer, start, offset + length)));
        offset += length;
      }
    } else {
      String text = new String(answer, StandardCharsets.UTF_8);
      if (text.endsWith("# EOF\n")) {
        trailer = "# EOF\n";
        text = text.substring(0, text.length() - trailer.length());
      }
      assertThat(text).doesNotContain("# EOF");
      StringBuilder family = new StringBuilder();
      String familyName = null;
      for (String line : text.split("\n")) {
        if (line.startsWith("# ")) {
          String name = line.split(" ")[2];
          if (!name.equals(familyName) && family.length() > 0) {
            pieces.add(family.toString());
            family.setLength(0);
          }
          familyName = name;
        }
        family.append(line).append('\n');
      }
      if (family.length() > 0) {
        pieces.add(family.toString());
      }
    }
    pieces.sort(null);
    pieces.add(trailer);
    return pieces;
  }

  private static MetricSnapshot gauge(String name, double value) {
    return GaugeSnapshot.builder()
        .name(name)
        .help("help of " + name)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build())
        .build();
  }

  /** A family named {@code twin} with one sample, labelled by its value. */
  private static MetricSnapshot twin(int value) {
    return GaugeSnapshot.builder()
        .name("twin")
        .dataPoint(
            GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(Labels.of("a", Integer.toString(value)))
                .value(value)
                .build())
        .build();
  }

  private static MetricSnapshot counter(String name, double value) {
    return CounterSnapshot.builder()
        .name(name)
        .help("help of " + name)
        .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).build())
        .build();
  }

  /** The writer, recording the names of the families of each call. */
  private static final class RecordingWriter implements ExpositionFormatWriter {
    final ExpositionFormatWriter writer;
    final List<List<String>> asked = new ArrayList<>();

    RecordingWriter(ExpositionFormatWriter writer) {
      this.writer = writer;
    }

    @Override
    public boolean accepts(String acceptHeader) {
      return writer.accepts(acceptHeader);
    }

    @Override
    public void write(OutputStream out, MetricSnapshots snapshots, EscapingScheme escaping)
        throws IOException {
      List<String> names = new ArrayList<>();
      for (MetricSnapshot snapshot : snapshots) {
        names.add(snapshot.getMetadata().getPrometheusName());
      }
      asked.add(names);
      writer.write(out, snapshots, escaping);
    }

    @Override
    public String getContentType() {
      return writer.getContentType();
    }
  }
}
