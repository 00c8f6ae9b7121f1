package io.github.statusexporter.agent;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.options.AgentConfig;
import io.github.statusexporter.config.options.ConfigParser;
import io.github.statusexporter.instrumentation.ApplicationStart;
import io.github.statusexporter.instrumentation.MeasuredServers;
import io.github.statusexporter.instrumentation.jdk.JdkServerInstrumentation;
import io.github.statusexporter.instrumentation.jdk.ProviderProperty;
import io.github.statusexporter.jar.InnerJar;
import io.github.statusexporter.server.DaemonThreads;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's start, on its own thread from {@code premain} on: it reads the options at once,
 * beside the application's main (they took ~8 ms of every application's start on {@code premain},
 * JDK 25), then waits for the application to have started ({@link ApplicationStart}) and starts the
 * rest ({@link Startup}).
 *
 * <p>A JDK server the application creates before the options are read waits for them ({@link
 * JdkServerInstrumentation#measure}); a refusal is said within milliseconds of the JVM's start, as
 * before, only no longer before the application's first line.
 */
final class AgentStart {
  private AgentStart() {}

  /**
   * @param main the application's main thread, which ran {@code premain}, or null when attached
   * @param startNanos when {@code premain} or {@code agentmain} began
   * @param providerNamed whether {@code premain} named the agent's JDK server provider in the
   *     property ({@link ProviderProperty})
   * @param jdkServerLeftOut why {@code premain} could not put the agent's JDK server provider in
   *     place, or null
   * @param premainLines what putting it in place said, held until the options are read; null when
   *     {@code premain} only named it, or was not run
   */
  static void run(
      String arguments,
      Instrumentation instrumentation,
      Thread main,
      long startNanos,
      boolean providerNamed,
      String jdkServerLeftOut,
      HeldLines premainLines) {
    HeldLines jdkServerLines = premainLines != null ? premainLines : new HeldLines();
    try {
      AgentState.optionsGiven(arguments);
      if (providerNamed) {
        JdkServerInstrumentation.propertyNamed(jdkServerLines);
      }
      ApplicationStart.agentStarted(instrumentation, main, startNanos);
    } catch (Throwable e) {
      jdkServerLines.release(false);
      throw e;
    }
    boolean attached = main == null;
    AgentConfig config;
    Map<String, String> environment;
    try {
      environment = System.getenv();
      config = ConfigParser.parse(arguments, System.getProperties(), environment);
      AgentState.optionsRead();
    } catch (ConfigException e) {
      notMeasuring(jdkServerLines);
      AgentState.refused(e.getMessage());
      AgentLog.info("not started, the application runs on without it: " + e.getMessage());
      return;
    } catch (Throwable e) {
      notMeasuring(jdkServerLines);
      AgentState.failed(String.valueOf(e));
      AgentLog.info(
          "not started, the application runs on without it: " + StatusExporterAgent.why(e));
      return;
    }
    if (!config.instrument()) {
      notMeasuring(jdkServerLines);
    } else {
      // No lambdas before the application has started: each first one bootstraps method handles
      // beside its start.
      MeasuredServers.logTo(new StatusExporterAgent.LogLine());
      JdkServerInstrumentation.measure(true);
      jdkServerLines.release(true);
      String leftOut = attached ? installedOnAttach(instrumentation) : jdkServerLeftOut;
      if (leftOut != null) {
        MeasuredServers.notMeasured(JdkServerInstrumentation.SERVER, leftOut);
      }
    }
    // The rest on a daemon thread: this one, which reads the options, keeps a JVM whose main ends
    // at once alive until they are read, so that a refusal is said in any JVM.
    DaemonThreads.daemon(
            new AfterApplicationStart(config, environment, instrumentation),
            "status-exporter-start")
        .start();
  }

  /** Waits for the application to have started, then starts the agent. */
  private static final class AfterApplicationStart implements Runnable {
    private final AgentConfig config;
    private final Map<String, String> environment;
    private final Instrumentation instrumentation;

    AfterApplicationStart(
        AgentConfig config, Map<String, String> environment, Instrumentation instrumentation) {
      this.config = config;
      this.environment = environment;
      this.instrumentation = instrumentation;
    }

    @Override
    public void run() {
      if (config.instrument()) {
        try {
          JdkServerInstrumentation.prepareFirstServer();
          // And the log the first server's creation writes its line to.
          Class.forName(AgentLog.class.getName());
        } catch (Throwable e) {
          AgentLog.info("could not prepare the JDK HTTP server's request metrics: " + e);
        }
      }
      try {
        // Measured: starting alongside the application delays its start by ~50 ms on 2 cores.
        ApplicationStart.await();
      } catch (InterruptedException e) {
        return; // the JVM is going away
      }
      try {
        // First: the classes below are in it.
        AfterStartJar.add(instrumentation, InnerJar.temporaryDirectory(), config);
      } catch (Throwable e) {
        JdkServerInstrumentation.measure(false);
        AgentState.failed(String.valueOf(e));
        AgentLog.info("not serving metrics, the application runs on without it: " + e);
        return;
      }
      start(config, environment, instrumentation);
    }
  }

  private static void start(
      AgentConfig config, Map<String, String> environment, Instrumentation instrumentation) {
    new Startup(config, environment, StatusExporterAgent.version(), instrumentation).run();
  }

  /**
   * The JDK server's provider named on {@code premain} wraps nothing, the name goes, and what
   * naming it said is dropped. Before the agent's state says refused or failed: another agent that
   * waits for that then names it again.
   */
  private static void notMeasuring(HeldLines jdkServerLines) {
    JdkServerInstrumentation.measure(false);
    jdkServerLines.release(false);
  }

  /** Attached to a running JVM: its JDK servers get the agent's provider now. */
  private static String installedOnAttach(Instrumentation instrumentation) {
    try {
      Optional<String> notInstalled =
          JdkServerInstrumentation.install(
              instrumentation, true, new StatusExporterAgent.LogLine());
      return notInstalled.orElse(null);
    } catch (Throwable e) {
      return String.valueOf(e);
    }
  }
}
