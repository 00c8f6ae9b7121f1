package io.github.statusexporter.agent;

import io.github.statusexporter.instrumentation.jdk.JdkServerInstrumentation;
import io.github.statusexporter.instrumentation.jdk.ProviderProperty;
import io.github.statusexporter.jvm.RuntimeModules;
import java.lang.instrument.Instrumentation;
import java.util.function.Consumer;

/**
 * Entry point of {@code -javaagent:status-exporter.jar}. It only marks the JVM as the agent's,
 * names its JDK server provider and hands over to a thread of its own, which reads the options
 * ({@link AgentStart}), so that the application starts as fast as without the agent; it never
 * throws and never exits, whatever goes wrong. On {@code premain} only three small classes of the
 * agent load: this one (also the options thread's task), {@link AgentState} and {@link
 * ProviderProperty}; more only when the JVM has a JDK server already or another agent was loaded
 * before. Each class of the agent loaded there takes ~0.4 ms of the application's main thread (JDK
 * 25): the JVM finds {@code premain} by reflection, which loads every class the signatures of this
 * class's methods name, so those name only the JDK's.
 */
public final class StatusExporterAgent implements Runnable {
  private final String arguments;
  private final Instrumentation instrumentation;
  private final Thread main;
  private final long startNanos;
  private final boolean providerNamed;
  private final String jdkServerLeftOut;
  private final HeldLines jdkServerLines;

  /** The options thread's task: {@link AgentStart#run} with what {@code premain} found. */
  private StatusExporterAgent(
      String arguments,
      Instrumentation instrumentation,
      Thread main,
      long startNanos,
      boolean providerNamed,
      String jdkServerLeftOut,
      HeldLines jdkServerLines) {
    this.arguments = arguments;
    this.instrumentation = instrumentation;
    this.main = main;
    this.startNanos = startNanos;
    this.providerNamed = providerNamed;
    this.jdkServerLeftOut = jdkServerLeftOut;
    this.jdkServerLines = jdkServerLines;
  }

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, false);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, true);
  }

  private static void start(String arguments, Instrumentation instrumentation, boolean attached) {
    try {
      int claim = AgentState.claim(version());
      if (claim == AgentState.ALREADY_LOADED) {
        AgentLog.info(AgentState.alreadyLoaded());
        return;
      }
      // After the claim, which may have waited for another agent's options.
      long startNanos = System.nanoTime();
      if (claim == AgentState.CLAIMED_AFTER_REFUSAL) {
        // The refused agent decided that the JDK servers are not measured: this one decides anew.
        JdkServerInstrumentation.reopenDecision();
      }
      boolean providerNamed = !attached && ProviderProperty.setBeforeAnyServer(instrumentation);
      HeldLines jdkServerLines = null;
      String jdkServerLeftOut = null;
      if (!attached && !providerNamed) {
        // Another agent's JDK server exists already, the application names its own provider, or
        // the JVM has no jdk.httpserver module: install says which, or puts the provider in place.
        jdkServerLines = new HeldLines();
        jdkServerLeftOut = installJdkServerProvider(instrumentation, jdkServerLines);
      }
      // Not a daemon: a JVM whose main ends at once waits the few milliseconds the options take.
      new Thread(
              new StatusExporterAgent(
                  arguments,
                  instrumentation,
                  attached ? null : Thread.currentThread(),
                  startNanos,
                  providerNamed,
                  jdkServerLeftOut,
                  jdkServerLines),
              "status-exporter-options")
          .start();
    } catch (Throwable e) {
      notStarted(e);
    }
  }

  /** The options thread: reads them and begins the agent's start. */
  @Override
  public void run() {
    try {
      AgentStart.run(
          arguments,
          instrumentation,
          main,
          startNanos,
          providerNamed,
          jdkServerLeftOut,
          jdkServerLines);
    } catch (Throwable e) {
      notStarted(e);
    }
  }

  /** Also when the JDK server's provider is named: it is to wrap nothing, and the name goes. */
  static void notStarted(Throwable e) {
    JdkServerInstrumentation.measure(false);
    AgentState.failed(String.valueOf(e));
    AgentLog.info("not started, the application runs on without it: " + why(e));
  }

  /** What went wrong, as a user can act on it. */
  static String why(Throwable e) {
    return RuntimeModules.missingJavaManagement(e).orElse(String.valueOf(e));
  }

  /**
   * Before main, so that no server of the application can be created without the agent's provider;
   * whether it measures them is up to the options, read on the options thread ({@link AgentStart}).
   * No lambdas here.
   *
   * @param log where a server that is not the application's is said to be left out (a {@link
   *     HeldLines}, named by its interface: see the class's comment)
   * @return why the application's JDK servers cannot be measured, or null
   */
  private static String installJdkServerProvider(
      Instrumentation instrumentation, Consumer<String> log) {
    try {
      return JdkServerInstrumentation.install(instrumentation, false, log).orElse(null);
    } catch (Throwable e) {
      return String.valueOf(e);
    }
  }

  /** One line on stderr; a class rather than a method reference, which premain would bootstrap. */
  static final class LogLine implements Consumer<String> {
    @Override
    public void accept(String line) {
      AgentLog.info(line);
    }
  }

  static String version() {
    String version = StatusExporterAgent.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
