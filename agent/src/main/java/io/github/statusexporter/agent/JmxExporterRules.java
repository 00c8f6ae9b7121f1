package io.github.statusexporter.agent;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.jmxexporter.HttpServerSecurity;
import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import io.github.statusexporter.config.options.AgentConfig;
import io.github.statusexporter.jmxrules.JmxRulesCollector;
import io.github.statusexporter.server.WebSecurity;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A jmx_exporter configuration file given in jmx_exporter's agent argument: its rules' collector,
 * loaded at start and again whenever the file changes (jmx_exporter reloads it too). A file that
 * does not load leaves the last good one in force (at start: no JMX metrics), says why once, and
 * counts the failure as jmx_exporter does.
 */
final class JmxExporterRules implements Runnable {
  private final Path file;
  private final JmxRulesCollector collector;
  private byte[] lastSeen;
  private boolean loaded;

  private JmxExporterRules(Path file, JmxRulesCollector collector) {
    this.file = file;
    this.collector = collector;
  }

  /**
   * The authentication and TLS of a jmx_exporter file's {@code httpServer}, which jmx_exporter
   * reads once at start, and so does the agent; empty when it has none.
   *
   * @throws ConfigException when they cannot be used, or when a web configuration is given too:
   *     which of the two was meant is not for the agent to guess
   */
  static Optional<WebSecurity> security(Path jmxExporterFile, AgentConfig config)
      throws ConfigException {
    Optional<HttpServerSecurity> settings = HttpServerSecurity.load(jmxExporterFile);
    if (settings.isEmpty()) {
      return Optional.empty();
    }
    if (config.webConfigFile().isPresent()) {
      throw new ConfigException(
          settings.get().where()
              + " asks for authentication or TLS, and so does web-config "
              + config.webConfigFile().get()
              + ": two security configurations; keep one (remove httpServer.authentication and"
              + " httpServer.ssl from the file, or the web-config option)");
    }
    // jmx_exporter falls back to javax.net.ssl.keyStore and its password when the file has none.
    return Optional.of(WebSecurity.of(settings.get(), System.getProperties()));
  }

  /**
   * Loads the file for the first time. Its {@code httpServer} security is not read here: {@link
   * Startup} has read it before the server started, and refused to serve without it.
   */
  static JmxExporterRules load(Path file) {
    byte[] seen = ConfigFileBytes.read(file);
    JmxExporterConfig config = null;
    try {
      config = JmxExporterConfig.load(file);
      tell(config);
    } catch (ConfigException e) {
      AgentLog.info(
          "jmx_exporter configuration not loaded: "
              + e.getMessage()
              + "; no JMX metrics until the file is fixed");
    }
    JmxExporterRules rules =
        new JmxExporterRules(
            file,
            new JmxRulesCollector(
                ManagementFactory.getPlatformMBeanServer(),
                config == null ? JmxExporterConfig.none() : config,
                AgentLog.INFO));
    rules.lastSeen = seen;
    rules.loaded = config != null;
    return rules;
  }

  /**
   * Registers the rules' families after all of the agent's others, whose names they must not take
   * (a clash would fail every scrape).
   */
  void register(PrometheusRegistry registry) {
    Set<String> taken = new HashSet<>();
    for (MetricSnapshot snapshot : registry.scrape()) {
      taken.add(snapshot.getMetadata().getPrometheusName());
    }
    collector.takenNames(taken);
    registry.register(collector);
  }

  /** Loads the file if it changed since the last look; never throws. */
  @Override
  public synchronized void run() {
    byte[] seen = ConfigFileBytes.read(file);
    if (seen == null || Arrays.equals(seen, lastSeen)) {
      return;
    }
    lastSeen = seen;
    try {
      JmxExporterConfig config = JmxExporterConfig.load(file);
      collector.reload(config);
      tell(config);
      loaded = true;
    } catch (ConfigException e) {
      collector.reloadFailed();
      AgentLog.info(
          "jmx_exporter configuration not loaded: "
              + e.getMessage()
              + (loaded
                  ? "; the last good one stays in force"
                  : "; no JMX metrics until it is fixed"));
    } catch (RuntimeException e) {
      collector.reloadFailed();
      AgentLog.info("jmx_exporter configuration not loaded: " + e);
    }
  }

  private static void tell(JmxExporterConfig config) {
    for (String notice : config.notices()) {
      AgentLog.info("jmx_exporter configuration: " + notice);
    }
  }
}
