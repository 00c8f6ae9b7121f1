package io.github.statusexporter.agent;

import io.github.statusexporter.collect.SourceBinding;
import io.github.statusexporter.collect.StatusCollector;
import io.github.statusexporter.config.AgentConfig;
import io.github.statusexporter.config.SourceAddress;
import io.github.statusexporter.mapping.Mapping;
import io.github.statusexporter.server.MetricsServer;
import io.github.statusexporter.source.HttpStatusSource;
import io.github.statusexporter.source.MBeanStatusSource;
import io.github.statusexporter.source.SharedRead;
import io.github.statusexporter.source.StatusSource;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Wires sources, mapping, registry and server together, on a background thread: the metrics server,
 * JVM metrics and anything that touches logging or the platform MBean server start here, never on
 * the application's main thread.
 */
final class Startup implements Runnable {
  /** The self-metrics' name for the one source given by the {@code source} option. */
  static final String DEFAULT_SOURCE_NAME = "default";

  private final AgentConfig config;
  private final String version;

  Startup(AgentConfig config, String version) {
    this.config = config;
    this.version = version;
  }

  @Override
  public void run() {
    try {
      start();
    } catch (BindException e) {
      AgentLog.info(
          "cannot listen on port "
              + config.port()
              + " ("
              + e.getMessage()
              + "); choose a free one with port=NNNN. Not serving metrics; the application runs on.");
    } catch (IOException e) {
      AgentLog.info(
          "cannot listen on "
              + config.host().orElse("all interfaces")
              + " port "
              + config.port()
              + " ("
              + e.getMessage()
              + "); check the host and port options. Not serving metrics; the application runs"
              + " on.");
    } catch (Throwable e) {
      AgentLog.info("not serving metrics, the application runs on without it: " + e);
    }
  }

  private void start() throws Exception {
    // Explicit properties: the application's io.prometheus.* settings must not steer the agent.
    PrometheusProperties properties = PrometheusProperties.builder().build();
    PrometheusRegistry registry = new PrometheusRegistry();
    StatusSource source = source(config.source());
    ExecutorService reader = Executors.newSingleThreadExecutor(new DaemonThreads("source"));
    SharedRead read = new SharedRead(source, config.timeout(), reader);
    registry.register(
        new StatusCollector(
            List.of(new SourceBinding(DEFAULT_SOURCE_NAME, read, Mapping.seed())),
            properties,
            AgentLog::info));

    MetricsServer server;
    try {
      server =
          MetricsServer.start(
              config.host(), config.port(), registry, properties, scrapeExecutor(), version);
    } catch (Exception e) {
      reader.shutdown();
      throw e;
    }
    AgentLog.started(
        version,
        "serving http://"
            + config.host().orElse("localhost")
            + ":"
            + server.port()
            + "/metrics"
            + (config.host().isPresent() ? "" : " (all interfaces)")
            + ", status from "
            + source.describe());
    // Last: it takes a few hundred milliseconds, and /metrics already answers meanwhile.
    JvmMetrics.builder(properties).register(registry);
  }

  private StatusSource source(SourceAddress address) {
    return address.isMBean()
        ? new MBeanStatusSource(address.objectName())
        : new HttpStatusSource(address.uri(), config.timeout(), "status-exporter/" + version);
  }

  /**
   * A few daemon threads and a short queue: when full, the JDK server closes the connection at once
   * instead of letting the scrape hang.
   */
  private static ExecutorService scrapeExecutor() {
    return new ThreadPoolExecutor(
        2,
        2,
        60,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(16),
        new DaemonThreads("http"),
        new ThreadPoolExecutor.AbortPolicy());
  }
}
