package io.github.statusexporter.agent;

import io.github.statusexporter.collect.SourceBinding;
import io.github.statusexporter.collect.StatusCollector;
import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import io.github.statusexporter.config.mappingfile.RouteSettings;
import io.github.statusexporter.config.mappingfile.SourceAddress;
import io.github.statusexporter.config.options.AgentConfig;
import io.github.statusexporter.config.web.WebConfigFile;
import io.github.statusexporter.family.InfoFamily;
import io.github.statusexporter.instrumentation.MeasuredServers;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.jdk.JdkServerInstrumentation;
import io.github.statusexporter.instrumentation.weaving.HookTransformer;
import io.github.statusexporter.instrumentation.weaving.PendingWeaves;
import io.github.statusexporter.jar.InnerJar;
import io.github.statusexporter.jar.StaleCopies;
import io.github.statusexporter.jvm.JvmCollectors;
import io.github.statusexporter.jvm.PlatformBeans;
import io.github.statusexporter.page.StatusSourcesPage;
import io.github.statusexporter.server.DaemonThreads;
import io.github.statusexporter.server.MetricsServer;
import io.github.statusexporter.server.WebSecurity;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.BindException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Wires sources, mapping, registry and server together, on a background thread: the metrics server,
 * JVM metrics and anything that touches logging or the platform MBean server start here, never on
 * the application's main thread.
 */
final class Startup implements Runnable {
  /** How often the configuration file is looked at for changes. */
  private static final long CONFIG_POLL_SECONDS = 2;

  /** Most source reads in flight at once; past it a read fails at once as internal_error. */
  private static final int MAX_READERS = 16;

  /** Longest the start line waits for the servlet container found to be instrumented. */
  private static final long MAX_WEAVE_WAIT_MILLIS = 10_000;

  /** Longest the agent waits for an application server to set up its own logging. */
  private static final long MAX_PLATFORM_SERVICES_WAIT_MILLIS = 120_000;

  private final AgentConfig config;
  private final Map<String, String> environment;
  private final String version;
  private final Instrumentation instrumentation;

  Startup(
      AgentConfig config,
      Map<String, String> environment,
      String version,
      Instrumentation instrumentation) {
    this.config = config;
    this.environment = environment;
    this.version = version;
    this.instrumentation = instrumentation;
  }

  @Override
  public void run() {
    try {
      if (config.instrument()) {
        // First, so that whatever fails later the property does not outlast the start.
        settleJdkServerProvider();
      }
      List<String> notLoaded =
          PlatformServicesGate.await(instrumentation, MAX_PLATFORM_SERVICES_WAIT_MILLIS);
      if (!notLoaded.isEmpty()) {
        AgentLog.info(
            "starting although the application has not loaded "
                + String.join(", ", notLoaded)
                + " in "
                + MAX_PLATFORM_SERVICES_WAIT_MILLIS / 1000
                + " s");
      }
      start();
    } catch (ConfigException e) {
      notServing(
          "not serving metrics: web configuration "
              + e.getMessage()
              + ". Fix the file and restart; the application runs on.");
    } catch (BindException e) {
      if (config.host().isPresent() && !HostNames.isOfThisMachine(config.host().get())) {
        notServing(
            "cannot listen on "
                + config.host().get()
                + ": it is not an address of this machine; choose one of its addresses with"
                + " host=, or leave host unset for all interfaces. Not serving metrics; the"
                + " application runs on.");
        return;
      }
      notServing(
          "cannot listen on port "
              + config.port()
              + " ("
              + e.getMessage()
              + "); choose a free one with port=NNNN. Not serving metrics; the application runs on.");
    } catch (IOException e) {
      notServing(
          "cannot listen on "
              + config.host().orElse("all interfaces")
              + " port "
              + config.port()
              + " ("
              + e.getMessage()
              + "); check the host and port options. Not serving metrics; the application runs"
              + " on.");
    } catch (Throwable e) {
      notServing(
          "not serving metrics, the application runs on without it: " + StatusExporterAgent.why(e));
    }
  }

  /**
   * The jmx_exporter file of the agent argument in jmx_exporter's form, or the {@code config=} file
   * when it is one of jmx_exporter's (known by its keys); null for neither. Here, not in {@link
   * JmxExporterRules}, which loads only with such a file.
   */
  private static Path jmxExporterFileOf(AgentConfig config) {
    if (config.jmxExporterFile().isPresent()) {
      return config.jmxExporterFile().get();
    }
    Optional<Path> file = config.configFile();
    return file.isPresent() && JmxExporterConfig.isOne(file.get()) ? file.get() : null;
  }

  private void start()
      throws IOException, GeneralSecurityException, ConfigException, InterruptedException {
    Path jmxExporterFile = jmxExporterFileOf(config);
    Path file = jmxExporterFile == null ? config.configFile().orElse(null) : null;
    // First, so that a security configuration that cannot be used starts nothing and says only
    // that.
    Optional<WebSecurity> jmxExporterSecurity;
    try {
      jmxExporterSecurity =
          jmxExporterFile == null
              ? Optional.empty()
              : JmxExporterRules.security(jmxExporterFile, config);
    } catch (ConfigException e) {
      notServing(
          "not serving metrics: "
              + e.getMessage()
              + ". Fix the file and restart; the application runs on.");
      return;
    }
    WebSecurity security =
        jmxExporterSecurity.isPresent() ? jmxExporterSecurity.get() : webSecurity();
    JmxExporterRules jmxExporter =
        jmxExporterFile == null ? null : JmxExporterRules.load(jmxExporterFile);
    PrometheusRegistry registry = new PrometheusRegistry();
    security.register(registry);
    ExecutorService readers = readerPool();
    SourceBindings bindings = new SourceBindings(readers, version);
    List<SourceBinding> initial = List.of();
    if (config.configFile().isEmpty() && config.source().isPresent()) {
      SourceAddress source = config.source().get();
      initial =
          List.of(
              bindings.seed(
                  source, config.timeout(), config.maxSeries(), config.sourceIsDefault()));
      RequestRecording.agentReadPaths(SourceBindings.requestPaths(List.of(source)));
    }
    StatusCollector collector = new StatusCollector(initial, AgentLog.INFO);
    registry.register(collector);
    ConfigWatcher watcher = null;
    if (file != null) {
      watcher =
          new ConfigWatcher(
              file,
              environment,
              config.timeout(),
              config.maxSeries(),
              bindings,
              collector,
              registry);
      watcher.run();
    }
    if (config.instrument()) {
      // Soon: the application is serving already; the requests its JDK servers answered before
      // this were kept and are recorded here, and a servlet container's once it is woven below.
      // After the file's first load only, which takes milliseconds, for its requests: section.
      RouteSettings routes =
          (watcher == null ? RouteSettings.DEFAULT : watcher.routesForStart())
              .ignoring(config.ignoreRoutes());
      RequestMetrics requestMetrics = new RequestMetrics(config.histogramBuckets(), routes);
      requestMetrics.register(registry);
      RequestRecording.install(requestMetrics);
      int unrecorded = JdkServerInstrumentation.recordEarlyRequests(requestMetrics);
      if (unrecorded > 0) {
        AgentLog.info(
            unrecorded
                + " requests answered before the agent's start are not recorded (more than "
                + JdkServerInstrumentation.EARLY_REQUESTS_KEPT
                + ", or answered after their handler returned)");
      }
      registry.register(serverInfo());
      registry.register(unmeasuredServerInfo());
    }

    // Before the JVM metrics and the metrics server take their platform beans (jmx_exporter
    // rules have made the platform MBean server already, and with it every bean: no saving there).
    PlatformBeans.open(instrumentation);
    if (jmxExporter != null) {
      // As jmx_exporter does, before its server answers: its users' first scrape has the JMX
      // families, whose names must not be the JVM metrics' (a clash would fail every scrape).
      registerJvmMetrics(registry);
      jmxExporter.register(registry);
    }
    openJdkServerInternals();
    MetricsServer server;
    try {
      server =
          MetricsServer.start(
              config.host(),
              config.port(),
              registry,
              version,
              security,
              AgentLog.INFO,
              new StatusSourcesPage(collector, version));
    } catch (IOException e) {
      readers.shutdown();
      RequestRecording.install(null); // nobody would see them
      throw e;
    }
    if (jmxExporter == null) {
      // Once /metrics answers (~40 ms here, which its first scrapes need not wait for), and before
      // the weaving: the JVM would hand the transformer a copy of each class this loads.
      registerJvmMetrics(registry);
    }
    if (config.instrument()) {
      weaveServers();
    }
    if (!PendingWeaves.await(MAX_WEAVE_WAIT_MILLIS)) {
      AgentLog.info("still instrumenting the servlet container; its first requests may be missed");
    }
    String url =
        security.scheme()
            + "://"
            + HostNames.inUrl(config.host().orElse("localhost"))
            + ":"
            + server.port()
            + "/metrics";
    AgentLog.started(
        version,
        "serving "
            + url
            + (config.host().isPresent() ? "" : " (all interfaces)")
            + security.describe()
            + statusFrom(file, jmxExporterFile));
    AgentState.serving(url);
    Optional<String> misplaced = ForkingLaunchers.misplacedAgent(instrumentation);
    if (misplaced.isPresent()) {
      AgentLog.info(misplaced.get());
    }
    removeStaleCopies();
    if (watcher != null || jmxExporter != null) {
      ScheduledExecutorService poller =
          Executors.newSingleThreadScheduledExecutor(new DaemonThreads("config"));
      poller.scheduleWithFixedDelay(
          watcher != null ? watcher : jmxExporter,
          CONFIG_POLL_SECONDS,
          CONFIG_POLL_SECONDS,
          TimeUnit.SECONDS);
    }
  }

  /**
   * Once the agent serves, as the directory may hold many files: only the configuration poller's
   * start comes after this.
   */
  private static void removeStaleCopies() {
    Path directory = InnerJar.temporaryDirectory();
    Optional<String> lockFailure = StaleCopies.lockFailure();
    if (lockFailure.isPresent()) {
      AgentLog.info(
          "cannot lock files in "
              + directory
              + " ("
              + lockFailure.get()
              + "): the files "
              + StaleCopies.NAMES
              + " that JVMs killed outright (SIGKILL) leave there are not removed; set"
              + " -Djava.io.tmpdir to a directory on a file system with locks, or remove them"
              + " yourself");
    }
    try {
      int removed = StaleCopies.remove(directory);
      if (removed > 0) {
        AgentLog.info(
            (removed == 1
                    ? "removed 1 file " + StaleCopies.NAMES + " from "
                    : "removed " + removed + " files " + StaleCopies.NAMES + " from ")
                + directory
                + (removed == 1 ? ", left by a JVM" : ", left by JVMs")
                + " killed outright (SIGKILL)");
      }
    } catch (IOException | RuntimeException e) {
      AgentLog.info(
          "could not look for files " + StaleCopies.NAMES + " left in " + directory + ": " + e);
    }
  }

  /**
   * Weaves the servers and frameworks the agent hooks ({@link HookTransformer}): last, once the
   * agent's own classes are loaded, because from then on the JVM hands the transformer a copy of
   * every class it loads (~1 MB of garbage for the agent's start, more in CPU). A servlet
   * container's requests are recorded from its weaving on, which the start line waits for.
   */
  private void weaveServers() {
    try {
      HookTransformer.install(instrumentation, new InstrumentedServers.Lists(), AgentLog.INFO);
    } catch (Throwable e) {
      AgentLog.info("no request metrics for the servers the agent weaves: " + e);
    }
  }

  /** {@link JdkServerInstrumentation#settleProvider}, before the agent's own server. */
  private void settleJdkServerProvider() {
    try {
      Optional<String> notMeasured =
          JdkServerInstrumentation.settleProvider(instrumentation, AgentLog.INFO);
      if (notMeasured.isPresent()) {
        MeasuredServers.notMeasured(JdkServerInstrumentation.SERVER, notMeasured.get());
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      AgentLog.info("no request metrics for the JDK HTTP servers created from now on: " + e);
    }
  }

  private static void registerJvmMetrics(PrometheusRegistry registry) {
    try {
      Optional<String> unavailable = JvmCollectors.register(registry);
      if (unavailable.isPresent()) {
        AgentLog.info(unavailable.get());
      }
    } catch (RuntimeException | LinkageError | ServiceConfigurationError e) {
      // The errors: a runtime made without the JDK's management modules (jlink), a platform bean
      // provider that fails to load; the agent serves, and weaves, on.
      AgentLog.info("no JVM metrics (" + e + "); the status metrics are served");
    }
  }

  /**
   * Opens the JDK server's own package to the agent (request metrics may have done so already), so
   * that the metrics server is the JDK's own whatever provider the application names ({@code
   * JdkServerProvider}) and can turn Nagle's algorithm off on its connections. Where it cannot, the
   * application's provider makes the agent's server, and the metrics server says that Nagle's
   * algorithm stays on.
   */
  private void openJdkServerInternals() {
    Optional<Module> httpServer = ModuleLayer.boot().findModule("jdk.httpserver");
    Module agent = MetricsServer.class.getModule();
    if (instrumentation == null
        || httpServer.isEmpty()
        || httpServer.get().isOpen("sun.net.httpserver", agent)) {
      return; // the JDK's redefineModule spins lambdas of its own: only when needed
    }
    try {
      instrumentation.redefineModule(
          httpServer.get(),
          Set.of(),
          Map.of(),
          Map.of("sun.net.httpserver", Set.of(agent)),
          Set.of(),
          Map.of());
    } catch (RuntimeException e) {
      // The metrics server says what this costs.
    }
  }

  /** The line on stderr, and the state {@code status-exporter status PID} shows. */
  private static void notServing(String line) {
    AgentState.failed(line);
    AgentLog.info(line);
  }

  private WebSecurity webSecurity() throws ConfigException {
    Optional<Path> file = config.webConfigFile();
    return file.isPresent()
        ? WebSecurity.of(WebConfigFile.load(file.get(), environment), AgentLog.INFO)
        : WebSecurity.none();
  }

  /** Where the start line says the status comes from. */
  private String statusFrom(Path file, Path jmxExporterFile) {
    if (file != null) {
      return ", status from " + file;
    }
    if (jmxExporterFile != null) {
      return ", MBeans by the jmx_exporter rules of " + jmxExporterFile;
    }
    return config.source().isPresent()
        ? ", status from " + config.source().get()
        : ", no status source";
  }

  /** {@code status_exporter_server_info}: the servers measured, as {@link MeasuredServers} says. */
  private static InfoFamily serverInfo() {
    InfoFamily info =
        new InfoFamily(
            "status_exporter_server",
            "The servers and frameworks whose requests the agent measures, with their version.",
            "server",
            "version");
    MeasuredServers.tell(info);
    return info;
  }

  /**
   * {@code status_exporter_unmeasured_server_info}: the servers found and not measured, as {@link
   * MeasuredServers} says; its line on stderr says why.
   */
  private static InfoFamily unmeasuredServerInfo() {
    InfoFamily info =
        new InfoFamily(
            "status_exporter_unmeasured_server",
            "The servers and frameworks the agent found and does not measure; its line on"
                + " stderr says why.",
            "server");
    MeasuredServers.tellNotMeasured(info);
    return info;
  }

  /**
   * One thread per source read in flight, and never more than {@link #MAX_READERS}: reads stuck in
   * the application (a deadlocked MBean getter) must not pile up threads across reloads.
   */
  private static ExecutorService readerPool() {
    return new ThreadPoolExecutor(
        0,
        MAX_READERS,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        new DaemonThreads("source"),
        new ThreadPoolExecutor.AbortPolicy());
  }
}
