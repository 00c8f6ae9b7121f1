package io.github.statusexporter.agent;

import io.github.statusexporter.collect.StatusCollector;
import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.mappingfile.ConfigFile;
import io.github.statusexporter.config.mappingfile.MappingFile;
import io.github.statusexporter.config.mappingfile.RouteSettings;
import io.github.statusexporter.config.mappingfile.SourceAddress;
import io.github.statusexporter.config.mappingfile.SourceDefinition;
import io.github.statusexporter.family.CounterFamily;
import io.github.statusexporter.family.GaugeFamily;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Loads the mapping file, and again whenever its content changes. A file that does not load leaves
 * the last good one in force (at start: no sources, JVM metrics only), says why once, and counts
 * the failure.
 */
final class ConfigWatcher implements Runnable {
  private final Path file;
  private final Map<String, String> environment;
  private final Duration defaultTimeout;
  private final int defaultMaxSeries;
  private final SourceBindings bindings;
  private final StatusCollector collector;
  private final GaugeFamily.Series lastReloadSuccessful;
  private final CounterFamily.Series reloadFailures;

  /** Marks a file that could not be read, so that it is reported once, not at every look. */
  private static final Object UNREADABLE = new Object();

  private Object lastSeen;
  private boolean loaded;

  /** The {@code requests:} section of the last file loaded. */
  private RouteSettings loadedRoutes = RouteSettings.DEFAULT;

  /** The section the request metrics were made with; null until they are. */
  private RouteSettings routesInForce;

  ConfigWatcher(
      Path file,
      Map<String, String> environment,
      Duration defaultTimeout,
      int defaultMaxSeries,
      SourceBindings bindings,
      StatusCollector collector,
      PrometheusRegistry registry) {
    this.file = file;
    this.environment = environment;
    this.defaultTimeout = defaultTimeout;
    this.defaultMaxSeries = defaultMaxSeries;
    this.bindings = bindings;
    this.collector = collector;
    GaugeFamily successful =
        new GaugeFamily(
            "status_exporter_config_last_reload_successful",
            "1 if the last load of the configuration file succeeded, 0 if it failed");
    CounterFamily failures =
        new CounterFamily(
            "status_exporter_config_reload_failures",
            "Loads of the configuration file that failed; the last good one stays in force");
    registry.register(successful);
    registry.register(failures);
    lastReloadSuccessful = successful.labelValues();
    reloadFailures = failures.labelValues();
  }

  /** Loads the file if it is new or changed since the last look; never throws. */
  @Override
  public synchronized void run() {
    byte[] bytes = ConfigFileBytes.read(file);
    Object seen = bytes == null ? UNREADABLE : bytes; // unreadable: the load then says why
    if (sameAsLastSeen(seen)) {
      return;
    }
    lastSeen = seen;
    try {
      MappingFile loadedFile =
          ConfigFile.loadAll(file, environment, defaultTimeout, defaultMaxSeries);
      List<SourceDefinition> sources = loadedFile.sources();
      collector.replaceSources(bindings.of(sources));
      List<SourceAddress> addresses = new ArrayList<>();
      for (SourceDefinition source : sources) {
        addresses.add(source.address());
      }
      RequestRecording.agentReadPaths(SourceBindings.requestPaths(addresses));
      lastReloadSuccessful.set(1);
      AgentLog.info("loaded " + file + ": " + describe(sources));
      loaded = true;
      loadedRoutes = loadedFile.routes();
      if (routesInForce != null && !routesInForce.equals(loadedRoutes)) {
        AgentLog.info(
            "the requests: section of "
                + file
                + " changed; it applies when the application restarts (in force: "
                + routesInForce
                + ")");
      }
    } catch (ConfigException | IOException | java.security.GeneralSecurityException e) {
      fail(e.getMessage());
    } catch (Throwable e) {
      // Anything else, a bug of ours: the poller must live on, and the application with it.
      fail(String.valueOf(e));
    }
  }

  /**
   * The file's {@code requests:} section (the defaults if it did not load), which the request
   * metrics take once, at start: routes already recorded keep their recorders, and changing what
   * they record would need every server's cached route made anew. A later change is logged.
   */
  synchronized RouteSettings routesForStart() {
    routesInForce = loadedRoutes;
    return loadedRoutes;
  }

  private boolean sameAsLastSeen(Object seen) {
    if (seen instanceof byte[] && lastSeen instanceof byte[]) {
      return Arrays.equals((byte[]) seen, (byte[]) lastSeen);
    }
    return seen == lastSeen;
  }

  private void fail(String why) {
    lastReloadSuccessful.set(0);
    reloadFailures.inc();
    AgentLog.info(
        "configuration not loaded: "
            + why
            + (loaded
                ? "; the last good configuration stays in force"
                : "; serving JVM metrics only until the file is fixed"));
  }

  private static String describe(List<SourceDefinition> sources) {
    int metrics = 0;
    int derived = 0;
    for (SourceDefinition source : sources) {
      metrics += source.metrics().size();
      derived += source.derived().size();
    }
    // Derived metrics are known only once their source is read: their entries are counted.
    return sources.size()
        + (sources.size() == 1 ? " source, " : " sources, ")
        + metrics
        + (metrics == 1 ? " metric" : " metrics")
        + (derived == 0
            ? ""
            : " and " + derived + (derived == 1 ? " entry" : " entries") + " of fields");
  }
}
