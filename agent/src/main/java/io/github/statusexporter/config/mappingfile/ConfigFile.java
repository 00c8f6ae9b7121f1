package io.github.statusexporter.config.mappingfile;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.Durations;
import io.github.statusexporter.config.MaxSeries;
import io.github.statusexporter.config.yaml.YamlFiles;
import io.github.statusexporter.config.yaml.YamlMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the mapping file ({@code config=status-exporter.yml}): its sources and the metrics each
 * one's readings become, validated as a whole before any of it is used.
 */
public final class ConfigFile {
  public static final int MAX_BYTES = YamlFiles.MAX_BYTES;

  /**
   * The agent's own families start so (its JVM, process and request metrics, and its self-metrics);
   * mapped metrics may not, so they can never clash.
   */
  public static final List<String> RESERVED_PREFIXES =
      List.of("jvm_", "process_", "status_exporter_", "http_server_");

  private static final Set<String> ROOT_KEYS = new LinkedHashSet<>(List.of("sources", "requests"));
  private static final Set<String> REQUESTS_KEYS =
      new LinkedHashSet<>(List.of("ignore", "templates", "max_routes"));
  private static final Set<String> SOURCE_KEYS = sourceKeys();

  private final Map<String, String> environment;
  private final Duration defaultTimeout;
  private final int defaultMaxSeries;

  /** Every name the exposition will write, to the metric that writes it. */
  private final Map<String, String> exposedNames = new HashMap<>();

  private final MetricEntry metrics = new MetricEntry(exposedNames);

  private ConfigFile(
      Map<String, String> environment, Duration defaultTimeout, int defaultMaxSeries) {
    this.environment = environment;
    this.defaultTimeout = defaultTimeout;
    this.defaultMaxSeries = defaultMaxSeries;
  }

  /**
   * @param defaultTimeout and {@code defaultMaxSeries}: for the sources that do not set their own
   * @throws ConfigException naming the file, line and key of the first problem
   */
  public static List<SourceDefinition> load(
      Path file, Map<String, String> environment, Duration defaultTimeout, int defaultMaxSeries)
      throws ConfigException {
    return loadAll(file, environment, defaultTimeout, defaultMaxSeries).sources();
  }

  /** As {@link #load}, with the file's {@code requests:} section. */
  public static MappingFile loadAll(
      Path file, Map<String, String> environment, Duration defaultTimeout, int defaultMaxSeries)
      throws ConfigException {
    return new ConfigFile(environment, defaultTimeout, defaultMaxSeries).read(file);
  }

  private MappingFile read(Path file) throws ConfigException {
    String name = file.toString();
    Node root = YamlFiles.compose(file, "is empty; it needs 'sources:' or 'requests:'");
    YamlMap document = new YamlMap(name, "", root, environment);
    document.allowOnly(ROOT_KEYS);
    if (!document.has("sources") && !document.has("requests")) {
      throw document.error("sources", "is needed, or 'requests:'");
    }
    // No sources: a file for request settings only, in an application with no status to read.
    List<YamlMap> sourceMaps = document.has("sources") ? document.maps("sources") : List.of();
    if (document.has("sources") && sourceMaps.isEmpty()) {
      throw document.error("sources", "needs at least one source");
    }
    List<SourceDefinition> sources = new ArrayList<>();
    Set<String> sourceNames = new HashSet<>();
    for (YamlMap source : sourceMaps) {
      SourceDefinition definition = source(source, sourceMaps.size() == 1);
      if (!sourceNames.add(definition.name())) {
        throw source.error("name", "'" + definition.name() + "' names two sources");
      }
      sources.add(definition);
    }
    for (int i = 0; i < sources.size(); i++) {
      checkPrefixesOwned(sources.get(i), sources, sourceMaps.get(i));
    }
    RouteSettings routes =
        document.has("requests") ? requests(document.map("requests")) : RouteSettings.DEFAULT;
    return new MappingFile(sources, routes);
  }

  /**
   * Derived names are known only once a source is read, and each source dedupes only its own: so a
   * prefix belongs to one source, and no other source's metric or prefix may start with it.
   */
  private static void checkPrefixesOwned(
      SourceDefinition source, List<SourceDefinition> sources, YamlMap sourceMap)
      throws ConfigException {
    for (DerivedMetricsDefinition derived : source.derived()) {
      String prefix = derived.prefix();
      for (SourceDefinition other : sources) {
        if (other == source) {
          continue;
        }
        for (DerivedMetricsDefinition theirs : other.derived()) {
          if (prefix.startsWith(theirs.prefix()) || theirs.prefix().startsWith(prefix)) {
            throw sourceMap.error(
                "metrics",
                "prefix '"
                    + prefix
                    + "' overlaps prefix '"
                    + theirs.prefix()
                    + "' of source '"
                    + other.name()
                    + "': their derived names could clash");
          }
        }
        for (MetricDefinition metric : other.metrics()) {
          // The info series of a prefix a_ is a_info, whose family is a.
          String infoFamily = prefix.endsWith("_") ? prefix.substring(0, prefix.length() - 1) : "";
          if (metric.exposedName().startsWith(prefix)
              || metric.name().startsWith(prefix)
              || metric.name().equals(infoFamily)) {
            throw sourceMap.error(
                "metrics",
                "prefix '"
                    + prefix
                    + "' is the start of metric '"
                    + metric.exposedName()
                    + "' of source '"
                    + other.name()
                    + "': a derived name could clash with it");
          }
        }
      }
    }
  }

  private static RouteSettings requests(YamlMap requests) throws ConfigException {
    requests.allowOnly(REQUESTS_KEYS);
    List<String> ignore = requests.strings("ignore");
    for (String route : ignore) {
      if (!RouteSettings.isRoute(route)) {
        throw requests.error("ignore", "'" + route + "' is not " + RouteSettings.ROUTE_EXPECTED);
      }
    }
    List<String> templates = requests.strings("templates");
    Set<String> seen = new HashSet<>();
    for (String template : templates) {
      if (!RouteSettings.isTemplate(template)) {
        throw requests.error(
            "templates", "'" + template + "' is not " + RouteSettings.TEMPLATE_EXPECTED);
      }
      if (!seen.add(template)) {
        throw requests.error("templates", "'" + template + "' is given twice");
      }
    }
    int maxRoutes = RouteSettings.DEFAULT_MAX_ROUTES;
    if (requests.has("max_routes")) {
      Integer max = RouteSettings.maxRoutes(requests.string("max_routes"));
      if (max == null) {
        throw requests.error(
            "max_routes",
            "'" + requests.string("max_routes") + "' is not " + RouteSettings.MAX_ROUTES_EXPECTED);
      }
      maxRoutes = max;
    }
    return new RouteSettings(ignore, templates, maxRoutes);
  }

  private SourceDefinition source(YamlMap source, boolean only) throws ConfigException {
    source.allowOnly(SOURCE_KEYS);
    String name = only && !source.has("name") ? "default" : source.requiredString("name");
    SourceAddress address = SourceKinds.fromFile(source);
    Duration timeout = defaultTimeout;
    if (source.has("timeout")) {
      timeout = Durations.timeout(source.string("timeout"));
      if (timeout == null) {
        throw source.error(
            "timeout", "'" + source.string("timeout") + "' is not " + Durations.EXPECTED);
      }
    }
    int maxSeries = defaultMaxSeries;
    if (source.has("max_series")) {
      Integer max = MaxSeries.parse(source.string("max_series"));
      if (max == null) {
        throw source.error(
            "max_series", "'" + source.string("max_series") + "' is not " + MaxSeries.EXPECTED);
      }
      maxSeries = max;
    }
    List<YamlMap> metricMaps = source.maps("metrics");
    if (metricMaps.isEmpty()) {
      throw source.error("metrics", "needs at least one metric");
    }
    List<MetricDefinition> metrics = new ArrayList<>();
    List<DerivedMetricsDefinition> derived = new ArrayList<>();
    for (YamlMap metric : metricMaps) {
      if (DerivedMetricsEntry.is(metric)) {
        derived.add(DerivedMetricsEntry.parse(metric, address.toString(), RESERVED_PREFIXES));
      } else {
        metrics.add(this.metrics.parse(metric));
      }
    }
    return new SourceDefinition(name, address, timeout, maxSeries, metrics, derived);
  }

  /** name, url, mbean, timeout, max_series, the keys only one kind takes, metrics. */
  private static Set<String> sourceKeys() {
    Set<String> keys = new LinkedHashSet<>();
    keys.add("name");
    keys.addAll(SourceKinds.addressKeys());
    keys.add("timeout");
    keys.add("max_series");
    keys.addAll(SourceKinds.ownKeys());
    keys.add("metrics");
    return keys;
  }
}
