package io.github.statusexporter.config.options;

import io.github.statusexporter.config.mappingfile.HttpSource;
import io.github.statusexporter.config.mappingfile.SourceAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The agent's settings, parsed and validated once at start. */
public final class AgentConfig {
  public static final int DEFAULT_PORT = 9877;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Most series one source may map to per scrape: far more than any status document needs, and
   * small enough that a mapped reading takes a few megabytes of the application's heap.
   */
  public static final int DEFAULT_MAX_SERIES = 10_000;

  private final int port;
  private final String host;
  private final SourceAddress source;
  private final boolean sourceIsDefault;
  private final Duration timeout;
  private final int maxSeries;
  private final Path configFile;
  private final boolean instrument;
  private final HistogramBuckets histogramBuckets;
  private final List<String> ignoreRoutes;
  private final Path webConfigFile;
  private final Path jmxExporterFile;

  AgentConfig(
      int port,
      String host,
      SourceAddress source,
      boolean sourceIsDefault,
      Duration timeout,
      int maxSeries,
      Path configFile,
      boolean instrument,
      HistogramBuckets histogramBuckets,
      List<String> ignoreRoutes,
      Path webConfigFile,
      Path jmxExporterFile) {
    this.port = port;
    this.host = host;
    this.source = source;
    this.sourceIsDefault = sourceIsDefault;
    this.timeout = timeout;
    this.maxSeries = maxSeries;
    this.configFile = configFile;
    this.instrument = instrument;
    this.histogramBuckets = histogramBuckets;
    this.ignoreRoutes = List.copyOf(ignoreRoutes);
    this.webConfigFile = webConfigFile;
    this.jmxExporterFile = jmxExporterFile;
  }

  /** Port of the metrics server. */
  public int port() {
    return port;
  }

  /** Address to listen on; empty means all interfaces. */
  public Optional<String> host() {
    return Optional.ofNullable(host);
  }

  /** Where the application's status is read from; empty with {@code source=none}. */
  public Optional<SourceAddress> source() {
    return sourceIsDefault ? Optional.of(DefaultSource.ADDRESS) : Optional.ofNullable(source);
  }

  /**
   * True when the source is the default, the status page of the original Python example, because
   * the {@code source} option is unset.
   */
  public boolean sourceIsDefault() {
    return sourceIsDefault;
  }

  /**
   * Made on first use: the options are parsed on {@code premain}, and this loads the HTTP source's
   * classes.
   */
  private static final class DefaultSource {
    static final SourceAddress ADDRESS = HttpSource.at(URI.create("http://localhost:8000/status"));
  }

  /** Longest a scrape waits for the status source. */
  public Duration timeout() {
    return timeout;
  }

  /** Most series a source may map to; a source of the mapping file may set its own. */
  public int maxSeries() {
    return maxSeries;
  }

  /** The mapping file that declares the sources; when given, {@link #source()} is unused. */
  public Optional<Path> configFile() {
    return Optional.ofNullable(configFile);
  }

  /** Whether the application's HTTP server requests are measured. */
  public boolean instrument() {
    return instrument;
  }

  /** Routes whose requests the request duration histogram leaves out ({@code ignore-routes}). */
  public List<String> ignoreRoutes() {
    return ignoreRoutes;
  }

  /** Which buckets the request duration histogram keeps. */
  public HistogramBuckets histogramBuckets() {
    return histogramBuckets;
  }

  /**
   * The exporter-toolkit web configuration (TLS, basic auth, headers) of the metrics server; empty
   * serves plain HTTP to anyone.
   */
  public Optional<Path> webConfigFile() {
    return Optional.ofNullable(webConfigFile);
  }

  /**
   * The jmx_exporter configuration file of an agent argument in jmx_exporter's form ({@code
   * [host:]port:file}), whose rules make the JVM's MBeans into metrics.
   */
  public Optional<Path> jmxExporterFile() {
    return Optional.ofNullable(jmxExporterFile);
  }
}
