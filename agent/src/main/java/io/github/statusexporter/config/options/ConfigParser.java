package io.github.statusexporter.config.options;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.Durations;
import io.github.statusexporter.config.MaxSeries;
import io.github.statusexporter.config.jmxexporter.JmxExporterArgument;
import io.github.statusexporter.config.mappingfile.RouteSettings;
import io.github.statusexporter.config.mappingfile.SourceAddress;
import io.github.statusexporter.config.mappingfile.SourceKinds;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Turns agent arguments, system properties and environment variables into one {@link AgentConfig}.
 * Agent arguments win over system properties, which win over the environment. A pure function of
 * its inputs: nothing else in the agent reads them.
 */
public final class ConfigParser {

  private final List<String> problems = new ArrayList<>();

  private ConfigParser() {}

  /**
   * @throws ConfigException naming every bad or unknown option at once, so one restart fixes all
   */
  public static AgentConfig parse(
      String agentArguments, Properties systemProperties, Map<String, String> environment)
      throws ConfigException {
    return new ConfigParser().build(agentArguments, systemProperties, environment);
  }

  private AgentConfig build(
      String agentArguments, Properties systemProperties, Map<String, String> environment)
      throws ConfigException {
    Optional<JmxExporterArgument> jmxExporter = JmxExporterArgument.parse(agentArguments);
    Map<Option, Setting> settings =
        new OptionSettings(problems)
            .collect(
                jmxExporter.isPresent() ? null : agentArguments, systemProperties, environment);
    Path jmxExporterFile = null;
    if (jmxExporter.isPresent()) {
      jmxExporterFile = jmxExporterArgument(jmxExporter.get(), agentArguments, settings);
    }
    int port = port(settings.get(Option.PORT));
    String host = host(settings.get(Option.HOST));
    // jmx_exporter's users have no status page: no source unless they name one.
    boolean sourceIsDefault = jmxExporterFile == null && !settings.containsKey(Option.SOURCE);
    SourceAddress source = sourceIsDefault ? null : source(settings.get(Option.SOURCE));
    Duration timeout = timeout(settings.get(Option.TIMEOUT));
    int maxSeries = maxSeries(settings.get(Option.MAX_SERIES));
    Path configFile = file(settings.get(Option.CONFIG), "/etc/status-exporter.yml");
    boolean instrument = instrument(settings.get(Option.INSTRUMENT));
    HistogramBuckets buckets = histogramBuckets(settings.get(Option.HISTOGRAM));
    List<String> ignoreRoutes = ignoreRoutes(settings.get(Option.IGNORE_ROUTES));
    Path webConfigFile =
        file(settings.get(Option.WEB_CONFIG), "/etc/status-exporter/web-config.yml");
    if (configFile != null && settings.containsKey(Option.SOURCE)) {
      problems.add(
          settings.get(Option.SOURCE).origin
              + " and "
              + settings.get(Option.CONFIG).origin
              + " are both set: declare the source in the file");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("; ", problems));
    }
    return new AgentConfig(
        port,
        host,
        source,
        sourceIsDefault,
        timeout,
        maxSeries,
        configFile,
        instrument,
        buckets,
        ignoreRoutes,
        webConfigFile,
        jmxExporterFile);
  }

  /**
   * jmx_exporter's {@code [host:]port:file}: its port and host are the agent's, the file is read by
   * its rules; the agent's other options come from system properties and the environment.
   */
  private Path jmxExporterArgument(
      JmxExporterArgument argument, String agentArguments, Map<Option, Setting> settings) {
    String origin = "agent argument '" + agentArguments + "' (jmx_exporter's form)";
    settings.put(Option.PORT, new Setting(argument.port(), origin));
    if (argument.host().isPresent()) {
      settings.put(Option.HOST, new Setting(argument.host().get(), origin));
    }
    if (settings.containsKey(Option.CONFIG)) {
      problems.add(
          settings.get(Option.CONFIG).origin
              + " and the jmx_exporter configuration file of "
              + origin
              + " are both set: give one");
    }
    return file(new Setting(argument.file(), origin), "/etc/jmx_exporter/config.yaml");
  }

  /** The values of {@code source} that turn the status source off. */
  private static final Set<String> NO_SOURCE = Set.of("none", "off", "");

  private int port(Setting setting) {
    if (setting == null) {
      return AgentConfig.DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(setting.value.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    reject(setting, "a port number from 1 to 65535");
    return 0;
  }

  private String host(Setting setting) {
    if (setting == null) {
      return null;
    }
    String host = setting.value.trim();
    if (host.isEmpty() || host.contains("/") || host.contains(" ") || hasControlCharacter(host)) {
      reject(setting, "a host name or IP address, such as 127.0.0.1");
      return null;
    }
    return host;
  }

  /** The status source; null for none ({@code none}, {@code off} or empty) or not set. */
  private SourceAddress source(Setting setting) {
    if (setting == null) {
      return null;
    }
    if (NO_SOURCE.contains(setting.value.trim().toLowerCase(Locale.ROOT))) {
      return null;
    }
    try {
      return SourceKinds.fromOption(setting.value);
    } catch (IllegalArgumentException e) {
      problems.add(setting.origin + ": " + e.getMessage());
      return null;
    }
  }

  private Duration timeout(Setting setting) {
    if (setting == null) {
      return AgentConfig.DEFAULT_TIMEOUT;
    }
    Duration timeout = Durations.timeout(setting.value);
    if (timeout == null) {
      reject(setting, Durations.EXPECTED);
    }
    return timeout;
  }

  private int maxSeries(Setting setting) {
    if (setting == null) {
      return AgentConfig.DEFAULT_MAX_SERIES;
    }
    Integer max = MaxSeries.parse(setting.value);
    if (max == null) {
      reject(setting, MaxSeries.EXPECTED);
      return 0;
    }
    return max;
  }

  private Path file(Setting setting, String example) {
    if (setting == null) {
      return null;
    }
    try {
      if (!setting.value.isBlank() && !hasControlCharacter(setting.value.trim())) {
        return Paths.get(setting.value.trim());
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    reject(setting, "a file path, such as " + example);
    return null;
  }

  private boolean instrument(Setting setting) {
    if (setting == null) {
      return true;
    }
    String value = setting.value.trim();
    if (!value.equals("true") && !value.equals("false")) {
      reject(setting, "true or false");
    }
    return !value.equals("false");
  }

  private HistogramBuckets histogramBuckets(Setting setting) {
    if (setting == null) {
      return HistogramBuckets.CLASSIC;
    }
    for (HistogramBuckets buckets : HistogramBuckets.values()) {
      if (buckets.key().equals(setting.value.trim())) {
        return buckets;
      }
    }
    reject(setting, "one of both, classic, native");
    return null;
  }

  /** Routes separated by commas: {@code /health,/ready}. */
  private List<String> ignoreRoutes(Setting setting) {
    if (setting == null) {
      return List.of();
    }
    List<String> routes = new ArrayList<>();
    for (String item : setting.value.split(",", -1)) {
      String route = item.trim();
      if (!RouteSettings.isRoute(route)) {
        problems.add(
            setting.origin
                + ": '"
                + route
                + "' in '"
                + setting.value
                + "' is not "
                + RouteSettings.ROUTE_EXPECTED
                + " (several are separated by commas, the whole value in double quotes)");
        return List.of();
      }
      routes.add(route);
    }
    return routes;
  }

  /**
   * A line break or other control character inside a host or path: the value was mangled on its way
   * (a variable read from a file), and would break the one-line log messages that name it.
   */
  private static boolean hasControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private void reject(Setting setting, String expected) {
    problems.add(setting.origin + ": '" + setting.value + "' is not " + expected);
  }
}
