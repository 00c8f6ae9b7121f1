package io.github.statusexporter.exposition;

import io.github.statusexporter.family.InfoFamily;
import io.github.statusexporter.jar.OptionLibraries;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusProtobufWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;

/**
 * client_java's writers of the three formats, as {@code ExpositionFormats.init} makes them from the
 * default exporter settings, and its choice among them by a scrape's {@code Accept} header
 * (protobuf, then OpenMetrics, else the text format; OpenMetrics 2 is off by default). Not {@code
 * ExpositionFormats} itself: its {@code init} builds {@code PrometheusProperties}, whose loader
 * reads every client_java setting as the application starts (~1 MB of garbage and ~20 classes), for
 * settings the agent does not take. One instance, shared: the writers keep no state.
 *
 * <p>Each writer is made when a scrape first asks for its format: a Prometheus server asks for one
 * format only, and the writers' classes weigh ~25 KB each, the protobuf writer's ~40 KB more
 * (loaded by reflection as its class initializes). A header that names a format is asked of its
 * writer, so that client_java decides; one that does not name it cannot be accepted by it.
 */
public final class ExpositionWriters {
  /** What the line says when the protobuf writer's libraries cannot be added. */
  private static final String PROTOBUF = "protobuf scrapes get a text format";

  private static final ExpositionWriters DEFAULTS = new ExpositionWriters();

  /**
   * {@code status_exporter_format_unavailable_info{format}}: a series while scrapes of a format get
   * a text format, its libraries not copied out.
   */
  private final InfoFamily unavailable =
      new InfoFamily(
          "status_exporter_format_unavailable",
          "Exposition formats that scrapes asked for and got a text format instead: the agent's"
              + " libraries for them could not be copied to java.io.tmpdir (stderr says why).",
          "format");

  /** Whether {@link #unavailable} has its series; changed under this. */
  private volatile boolean protobufShownUnavailable;

  private ExpositionWriters() {}

  public static ExpositionWriters defaults() {
    return DEFAULTS;
  }

  /** The writer for this {@code Accept} header (null when none), as client_java chooses it. */
  public ExpositionFormatWriter find(String accept) {
    if (takesProtobuf(accept)) {
      return Protobuf.WRITER; // its libraries added by takesProtobuf
    }
    if (namesOpenMetrics(accept) && openMetrics().accepts(accept)) {
      return openMetrics();
    }
    return text();
  }

  /** True if {@link #find} chooses the Prometheus text format for this header. */
  public boolean isText(String accept) {
    return !takesProtobuf(accept) && !(namesOpenMetrics(accept) && openMetrics().accepts(accept));
  }

  /**
   * Whether the protobuf writer takes this header; not when its libraries cannot be added (said
   * once): the scrape then gets a text format, as from a JVM without protobuf.
   */
  private boolean takesProtobuf(String accept) {
    return namesProtobuf(accept)
        && protobufLibraries()
        && Protobuf.WRITER.isAvailable()
        && Protobuf.WRITER.accepts(accept);
  }

  private static boolean namesProtobuf(String accept) {
    return accept != null && accept.contains("application/vnd.google.protobuf");
  }

  private static boolean namesOpenMetrics(String accept) {
    return accept != null && accept.contains("application/openmetrics-text");
  }

  public PrometheusTextFormatWriter text() {
    return Text.WRITER;
  }

  public OpenMetricsTextFormatWriter openMetrics() {
    return OpenMetrics.WRITER;
  }

  /**
   * The protobuf writer, or the text format's when its libraries cannot be added (said once). Its
   * class looks for its implementation as it initializes, once: only after {@link
   * OptionLibraries#require} has added it, or it would stay without one for the JVM's life.
   */
  public ExpositionFormatWriter protobuf() {
    return protobufLibraries() ? Protobuf.WRITER : text();
  }

  /** The family that shows the formats scrapes cannot get now, for the registry. */
  public InfoFamily unavailableFormats() {
    return unavailable;
  }

  private boolean protobufLibraries() {
    boolean added = OptionLibraries.require(PROTOBUF);
    if (added == protobufShownUnavailable) {
      synchronized (this) {
        // As they are now: a scrape that failed may come here after one that added them.
        boolean unavailableNow = !OptionLibraries.added();
        if (unavailableNow != protobufShownUnavailable) {
          if (unavailableNow) {
            unavailable.add("protobuf");
          } else {
            unavailable.removeIf(values -> true);
          }
          protobufShownUnavailable = unavailableNow;
        }
      }
    }
    return added;
  }

  /** Made on first use: the JVM initializes each holder once, on whichever thread comes first. */
  private static final class Text {
    static final PrometheusTextFormatWriter WRITER =
        PrometheusTextFormatWriter.builder()
            .setIncludeCreatedTimestamps(false)
            .setTimestampsInMs(false)
            .build();
  }

  private static final class OpenMetrics {
    static final OpenMetricsTextFormatWriter WRITER =
        OpenMetricsTextFormatWriter.builder()
            .setCreatedTimestampsEnabled(false)
            .setExemplarsOnAllMetricTypesEnabled(false)
            .build();
  }

  private static final class Protobuf {
    static final PrometheusProtobufWriter WRITER = new PrometheusProtobufWriter();
  }
}
