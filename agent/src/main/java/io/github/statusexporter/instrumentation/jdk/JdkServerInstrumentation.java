package io.github.statusexporter.instrumentation.jdk;

import com.sun.net.httpserver.spi.HttpServerProvider;
import io.github.statusexporter.instrumentation.MeasuredServers;
import io.github.statusexporter.instrumentation.RequestMetrics;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Request metrics for the JDK's {@code com.sun.net.httpserver}, with no bytecode rewriting: the
 * agent's own server provider, which wraps the JDK's, is the one {@code
 * HttpServerProvider.provider()} chooses. It catches every context however it is created (handler
 * class or lambda, with or without a handler, HTTP or HTTPS).
 *
 * <p>The JDK chooses its provider once, at the first server created in the JVM, and keeps it in a
 * static field. On {@code premain} the agent names its provider in the system property {@code
 * com.sun.net.httpserver.HttpServerProvider} ({@link ProviderProperty}), which the JDK reads then:
 * a few microseconds, where opening the JDK's module and setting the field took ~20 ms of the
 * application's start (JDK 25, measured). An application with no JDK server by the time it has
 * started gets the field set then, on the agent's start thread ({@link #settleProvider}). Another
 * agent named before this one on the command line may have created its metrics server already
 * (jmx_exporter, the OpenTelemetry agent's Prometheus exporter), and an attached agent comes after
 * the application's: then the property is read no more, so the agent sets the field itself, under
 * the lock the JDK reads it with.
 */
public final class JdkServerInstrumentation {
  private static final String JDK_PROVIDER = "sun.net.httpserver.DefaultHttpServerProvider";

  /** The server's name in the agent's lines and series. */
  public static final String SERVER = "JDK HTTP server";

  /**
   * Where the provider the JDK creates from the property says which servers it leaves out: set on
   * the options thread, before the decision that a server's creation waits for. Until then standard
   * error: a server that waited 5 s for the options says so there, whatever they say.
   */
  private static volatile Consumer<String> propertyLog = new StandardError();

  private static volatile boolean propertySet;

  /**
   * Counted down once the agent's options are read, on its start thread, after {@code premain} has
   * named or put the provider in place: a server created before then waits for it (a few
   * milliseconds, once per server), as reading the options on {@code premain} took ~8 ms of every
   * application's start.
   */
  private static volatile CountDownLatch decided = new CountDownLatch(1);

  /** Longest a server's creation waits for the options to be read. */
  static final long DECISION_WAIT_SECONDS = 5;

  private static volatile boolean measuring;

  /** Most requests answered before the agent's start that are kept to be recorded. */
  public static final int EARLY_REQUESTS_KEPT = EarlyRequests.MAX;

  private JdkServerInstrumentation() {}

  /**
   * Installs the provider, on {@code premain} when {@link ProviderProperty#setBeforeAnyServer}
   * could not (before the application can create a server), or when attached to a running JVM, for
   * the servers created from then on; then, when attached, gives the servers that already run the
   * same filter on the contexts they have.
   *
   * <p>Runs on {@code premain}: no lambdas.
   *
   * @param attached true when attached to a running JVM
   * @param log where a server that is not the application's is said to be left out
   * @return why not, or empty when installed
   */
  public static Optional<String> install(
      Instrumentation instrumentation, boolean attached, Consumer<String> log) throws Exception {
    // The JVM's own setting, not the agent's: an application that chose a provider keeps it.
    String own = ProviderProperty.applicationsOwn();
    if (own != null) {
      return Optional.of(ownProvider(own));
    }
    Optional<Module> httpServer = ModuleLayer.boot().findModule("jdk.httpserver");
    if (httpServer.isEmpty()) {
      return Optional.of("this Java runtime has no jdk.httpserver module");
    }
    if (!attached && ProviderProperty.setBeforeAnyServer(instrumentation)) {
      propertyNamed(log);
      return Optional.empty();
    }
    return replaceChosen(instrumentation, httpServer.get(), attached, log);
  }

  /**
   * {@code premain} named the agent's provider in the property ({@link
   * ProviderProperty#setBeforeAnyServer}), for the JDK to create as the application's first server
   * is created.
   *
   * @param log where that provider says which servers it leaves out
   */
  public static void propertyNamed(Consumer<String> log) {
    propertyLog = log;
    propertySet = true;
  }

  /**
   * Puts the agent's provider in the JDK's field, when the JDK may have chosen one: another agent's
   * server exists, or the agent is attached.
   */
  private static Optional<String> replaceChosen(
      Instrumentation instrumentation, Module httpServer, boolean attached, Consumer<String> log)
      throws ReflectiveOperationException {
    // The JDK's default provider, and the field that holds the chosen one, live in packages it
    // does not open: open them to the agent.
    Set<Module> agent = Set.of(JdkServerInstrumentation.class.getModule());
    instrumentation.redefineModule(
        httpServer,
        Set.of(),
        Map.of(),
        Map.of("sun.net.httpserver", agent, "com.sun.net.httpserver.spi", agent),
        Set.of(),
        Map.of());
    Field chosen = HttpServerProvider.class.getDeclaredField("provider");
    Field lock = HttpServerProvider.class.getDeclaredField("lock");
    chosen.setAccessible(true);
    lock.setAccessible(true);
    ServerOwners owners = ServerOwners.ofThisAgent();
    boolean serversBefore;
    synchronized (lock.get(null)) {
      // The agent's name, set on premain or inherited from a parent JVM, is taken back under the
      // lock the JDK reads it with: a server created meanwhile either made the agent's provider
      // from it or is created after this, and the JDK does not make a second one of the agent's
      // below.
      if (ProviderProperty.namesTheAgents()) {
        System.clearProperty(ProviderProperty.NAME);
      }
      Object earlier = chosen.get(null);
      if (earlier instanceof InstrumentingServerProvider) {
        // The JDK created it from the property meanwhile, or an agent whose options were refused
        // before this attach named it: the servers it made then wrap nothing, and run.
        serversBefore = true;
      } else {
        if (earlier != null && !earlier.getClass().getName().equals(JDK_PROVIDER)) {
          return Optional.of(
              "the JDK HTTP server provider is already " + earlier.getClass().getName());
        }
        serversBefore = earlier != null;
        if (serversBefore && !attached) {
          log.accept(
              "not measuring the JDK HTTP servers created before this agent started (by an"
                  + " agent named before it on the command line?): they are not the"
                  + " application's");
        }
        // None yet: the JDK's own choice, under the lock the JDK holds for it (it is reentrant).
        HttpServerProvider jdk =
            earlier != null ? (HttpServerProvider) earlier : HttpServerProvider.provider();
        chosen.set(null, new InstrumentingServerProvider(jdk, owners, log));
      }
    }
    if (serversBefore && attached) {
      // After the provider is in place: a server created meanwhile has its filters already.
      measureRunningServers(instrumentation, owners, log);
    }
    return Optional.empty();
  }

  /**
   * Once the application has started, when the agent named its provider in the property on {@code
   * premain}: if the JDK has not read it yet (no JDK server so far), the agent clears it and puts
   * its provider in place itself, so that the property lasts no longer than the application's start
   * (a child JVM started with this one's properties and without the agent would fail its first
   * server) and a server created later is still the agent's to tell (the agent's own too, where the
   * JDK server's package is not open to it). Also when the JDK chose without it (another agent's
   * thread created a server as {@code premain} set it).
   *
   * @return why the application's JDK servers are not measured: it named a provider of its own
   */
  public static Optional<String> settleProvider(
      Instrumentation instrumentation, Consumer<String> log) throws ReflectiveOperationException {
    if (!propertySet) {
      return Optional.empty();
    }
    String own = ProviderProperty.applicationsOwn();
    if (own != null) {
      return Optional.of(ownProvider(own));
    }
    if (!ProviderProperty.namesTheAgents()) {
      return Optional.empty(); // the JDK has created the agent's
    }
    Optional<Module> httpServer = ModuleLayer.boot().findModule("jdk.httpserver");
    return httpServer.isEmpty()
        ? Optional.empty()
        : replaceChosen(instrumentation, httpServer.get(), false, log);
  }

  /** Why the JDK servers of an application that names its own provider are not measured. */
  private static String ownProvider(String named) {
    return "the application sets "
        + ProviderProperty.NAME
        + "="
        + named
        + " itself, which the agent keeps; without it the agent measures them";
  }

  /**
   * A second agent of this JVM (on the command line, after one in {@code JAVA_TOOL_OPTIONS}) takes
   * over from one whose options were refused, on {@code premain}: the refused one decided not to
   * measure, and this one's options decide anew. Both agents' classes are the same, loaded from the
   * first jar on the class path.
   */
  public static void reopenDecision() {
    decided = new CountDownLatch(1);
  }

  /**
   * The agent's options are read: the application's JDK servers are measured or not ({@code
   * instrument=false}, options refused, a failed start). Not measuring, the provider named on
   * {@code premain} is taken back if the JDK has not read it yet (also when {@code premain} failed
   * before telling {@link #propertyNamed}), and one the JDK made wraps nothing.
   */
  public static void measure(boolean measure) {
    measuring = measure;
    decided.countDown();
    if (!measure && ProviderProperty.namesTheAgents()) {
      // Without the JDK's lock: a server created meanwhile gets the JDK's provider or the agent's,
      // which wraps nothing now.
      System.clearProperty(ProviderProperty.NAME);
    }
  }

  /**
   * Once the options are read and say to measure, on the agent's start thread, beside the
   * application's main: loads what its first JDK server and first request would otherwise load on
   * its own threads (a few milliseconds before its first answer, JDK 25). Only when the JDK reads
   * the provider from the property: it has made no server yet.
   */
  public static void prepareFirstServer() {
    if (propertySet && measuring) {
      propertyLog(); // its class, which the provider's creation loads
      InstrumentingServerProvider.prepare();
    }
  }

  /**
   * Whether the agent measures the application's JDK servers, once its options are read: false if
   * they are not read in {@link #DECISION_WAIT_SECONDS} (the start thread starved or failed).
   */
  static boolean measuring() {
    return measuring(DECISION_WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * As {@link #measuring()}, waiting as long as given. A server left out for want of a decision is
   * said where the options thread says the provider's lines (held until the options are read, and
   * dropped if they turn it off), and has its series, {@code
   * status_exporter_unmeasured_server_info}.
   */
  static boolean measuring(long wait, TimeUnit unit) {
    try {
      if (!decided.await(wait, unit)) {
        MeasuredServers.notMeasured(
            SERVER,
            "one was created before the agent had read its options, which took over "
                + (unit.toMillis(wait) % 1000 == 0
                    ? unit.toSeconds(wait) + " s"
                    : unit.toMillis(wait) + " ms")
                + " (is the machine starved of CPU?); those created later are measured",
            propertyLog);
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return measuring;
  }

  /**
   * Where the provider the JDK creates from the property logs: as the options thread says, which
   * may be after the JDK creates it (it logs only once they are read).
   */
  static Consumer<String> propertyLog() {
    return new PropertyLog();
  }

  /**
   * Records the requests the application's JDK servers answered before the request metrics existed
   * ({@link EarlyRequests}), once they do.
   *
   * @return how many of those are not recorded: past the bound, or answered on another thread
   */
  public static int recordEarlyRequests(RequestMetrics metrics) {
    return EarlyRequests.record(metrics);
  }

  /**
   * The application's servers that already run are found from their threads, whose private fields
   * {@code java.lang} opens to a class loaded apart ({@link IsolatedThreadTasks}). Only on attach:
   * with {@code -javaagent} no server of the application can be older than the agent's provider.
   */
  private static void measureRunningServers(
      Instrumentation instrumentation, ServerOwners owners, Consumer<String> log) {
    try {
      List<RunningServers.RunningServer> running =
          RunningServers.find(IsolatedThreadTasks.load(instrumentation));
      if (running.isEmpty()) {
        log.accept(
            "found no running JDK HTTP server: those created before this agent was attached and"
                + " started later are not measured");
      }
      new RunningServerFilters(owners, log).instrument(running);
    } catch (IOException | ReflectiveOperationException | RuntimeException e) {
      log.accept(
          "not measuring the JDK HTTP servers created before this agent was attached ("
              + e
              + "): only those created from now on");
    }
  }

  private static final class PropertyLog implements Consumer<String> {
    @Override
    public void accept(String line) {
      propertyLog.accept(line);
    }
  }

  /** Until the agent says where. A class rather than a method reference (premain). */
  private static final class StandardError implements Consumer<String> {
    @Override
    public void accept(String line) {
      System.err.println("status-exporter: " + line);
    }
  }
}
