package io.github.statusexporter.config;

import io.github.statusexporter.source.FieldPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the mapping file ({@code config=status-exporter.yml}): its sources and the metrics each
 * one's readings become, validated as a whole before any of it is used.
 */
public final class ConfigFile {
  public static final int MAX_BYTES = 1024 * 1024;

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern UNIT = Pattern.compile("[a-z][a-z0-9_]*");

  /** The agent's own families start so; mapped metrics may not, so they can never clash. */
  public static final List<String> RESERVED_PREFIXES =
      List.of("jvm_", "process_", "status_exporter_");

  private static final Set<String> ROOT_KEYS = new LinkedHashSet<>(List.of("sources", "requests"));
  private static final Set<String> REQUESTS_KEYS =
      new LinkedHashSet<>(List.of("ignore", "templates", "max_routes"));
  private static final Set<String> SOURCE_KEYS = sourceKeys();
  private static final Set<String> METRIC_KEYS =
      new LinkedHashSet<>(
          List.of(
              "name",
              "type",
              "help",
              "unit",
              "field",
              "each",
              "key_label",
              "labels",
              "label_fields",
              "values",
              "scale",
              "states"));

  private final Map<String, String> environment;
  private final Duration defaultTimeout;
  private final int defaultMaxSeries;

  /** Every name the exposition will write, to the metric that writes it. */
  private final Map<String, String> exposedNames = new HashMap<>();

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
        metrics.add(metric(metric));
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

  private MetricDefinition metric(YamlMap metric) throws ConfigException {
    metric.allowOnly(METRIC_KEYS);
    MetricType type = type(metric);
    String name = metricName(metric, type);
    String unit = metric.string("unit");
    if (unit != null && !(UNIT.matcher(unit).matches() && name.endsWith("_" + unit))) {
      throw metric.error(
          "unit",
          "'" + unit + "' must be a lower-case word that the name ends with (_" + unit + ")");
    }
    String field = metric.string("field");
    if (type == MetricType.INFO) {
      forbid(metric, type, "field", "values", "scale", "states", "unit");
    } else if (field == null) {
      throw metric.error("field", "is required for a " + type.key());
    } else {
      path(metric, "field", field);
    }
    String each = metric.string("each");
    String keyLabel = metric.string("key_label");
    if (each == null && keyLabel != null) {
      throw metric.error("key_label", "goes with 'each'");
    }
    Set<String> labelNames = new HashSet<>();
    if (each != null) {
      path(metric, "each", each);
    }
    if (keyLabel != null) {
      label(metric, "key_label", keyLabel, labelNames, name, type);
    }
    Map<String, String> labels = metric.stringMap("labels");
    for (String label : labels.keySet()) {
      label(metric, "labels", label, labelNames, name, type);
    }
    Map<String, String> labelFields = metric.stringMap("label_fields");
    for (Map.Entry<String, String> label : labelFields.entrySet()) {
      label(metric, "label_fields", label.getKey(), labelNames, name, type);
      path(metric, "label_fields", label.getValue());
    }
    // Without key_label, the entries of 'each' are told apart by their label fields alone (a
    // MicroProfile health check's name, not its place in the array); two alike are duplicates.
    if (each != null && keyLabel == null && labelFields.isEmpty()) {
      throw metric.error(
          "each",
          "needs 'key_label' or 'label_fields' to tell its entries apart, such as key_label: name");
    }
    if (type == MetricType.INFO && labelFields.isEmpty()) {
      throw metric.error(
          "label_fields", "is required for an info metric: its labels are its value");
    }
    List<String> states = metric.strings("states");
    if (type == MetricType.STATESET) {
      forbid(metric, type, "values", "scale", "unit");
      if (states.isEmpty()
          || states.contains("")
          || new HashSet<>(states).size() != states.size()) {
        throw metric.error("states", "must list the state set's states, each once");
      }
    } else if (!states.isEmpty()) {
      throw metric.error("states", "is only for a stateset");
    }
    Double scale = metric.number("scale");
    String help = metric.has("help") ? metric.string("help") : defaultHelp(field, labelFields);
    return new MetricDefinition(
        name,
        type,
        help,
        unit,
        field,
        each,
        keyLabel,
        labels,
        labelFields,
        metric.numberMap("values"),
        scale == null ? 1.0 : scale,
        states);
  }

  private static MetricType type(YamlMap metric) throws ConfigException {
    String text = metric.string("type");
    if (text == null) {
      return MetricType.GAUGE;
    }
    for (MetricType type : MetricType.values()) {
      if (type.key().equals(text)) {
        return type;
      }
    }
    throw metric.error("type", "'" + text + "' is not one of gauge, counter, stateset, info");
  }

  /** The family name, checked for syntax, reserved prefixes and clashes with other metrics. */
  private String metricName(YamlMap metric, MetricType type) throws ConfigException {
    String name = metric.requiredString("name");
    if (!METRIC_NAME.matcher(name).matches()) {
      throw metric.error("name", "'" + name + "' is not a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)");
    }
    for (String prefix : RESERVED_PREFIXES) {
      if (name.startsWith(prefix)) {
        throw metric.error(
            "name", "'" + name + "' starts with " + prefix + ", which the agent's own metrics use");
      }
    }
    String base = name;
    List<String> exposed = new ArrayList<>();
    if (type == MetricType.COUNTER) {
      base = stripSuffix(name, "_total");
      exposed.add(base + "_total");
      exposed.add(base + "_created");
    } else if (type == MetricType.INFO) {
      base = stripSuffix(name, "_info");
      exposed.add(base + "_info");
    }
    exposed.add(base);
    for (String exposedName : exposed) {
      String other = exposedNames.putIfAbsent(exposedName, name);
      if (other != null) {
        throw metric.error(
            "name",
            "'" + name + "' clashes with metric '" + other + "' (both write " + exposedName + ")");
      }
    }
    return base;
  }

  private static String stripSuffix(String name, String suffix) {
    return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
  }

  private static void label(
      YamlMap metric, String key, String label, Set<String> seen, String name, MetricType type)
      throws ConfigException {
    if (!LabelNames.isValid(label)) {
      throw metric.error(key, "'" + label + "' is not " + LabelNames.EXPECTED);
    }
    if (!seen.add(label) || (type == MetricType.STATESET && label.equals(name))) {
      throw metric.error(key, "label '" + label + "' is given twice");
    }
  }

  private static void path(YamlMap metric, String key, String path) throws ConfigException {
    try {
      FieldPath.parse(path);
    } catch (IllegalArgumentException e) {
      throw metric.error(key, e.getMessage());
    }
  }

  private static void forbid(YamlMap metric, MetricType type, String... keys)
      throws ConfigException {
    for (String key : keys) {
      if (metric.has(key)) {
        throw metric.error(key, "is not for a " + type.key() + " metric");
      }
    }
  }

  private static String defaultHelp(String field, Map<String, String> labelFields) {
    return field != null
        ? "Status field " + field
        : "Status fields " + String.join(", ", labelFields.values());
  }
}
