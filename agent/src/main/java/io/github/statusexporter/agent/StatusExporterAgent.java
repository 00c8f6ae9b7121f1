package io.github.statusexporter.agent;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.options.AgentConfig;
import io.github.statusexporter.config.options.ConfigParser;
import io.github.statusexporter.instrumentation.ApplicationStart;
import io.github.statusexporter.instrumentation.MeasuredServers;
import io.github.statusexporter.instrumentation.jdk.JdkServerInstrumentation;
import io.github.statusexporter.instrumentation.weaving.HookTransformer;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Entry point of {@code -javaagent:status-exporter.jar}. It only parses the options and hands over
 * to a background thread, so the application starts as fast as without the agent; it never throws
 * and never exits, whatever goes wrong.
 */
public final class StatusExporterAgent {
  private StatusExporterAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, false);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, true);
  }

  private static void start(String arguments, Instrumentation instrumentation, boolean attached) {
    try {
      if (!AgentState.claim(arguments, version())) {
        AgentLog.info(AgentState.alreadyLoaded());
        return;
      }
      ApplicationStart.agentStarted(instrumentation, attached ? null : Thread.currentThread());
      Map<String, String> environment = System.getenv();
      AgentConfig config = ConfigParser.parse(arguments, System.getProperties(), environment);
      if (config.instrument()) {
        MeasuredServers.logTo(new LogLine());
        instrumentJdkServer(instrumentation, attached);
      }
      DaemonThreads.daemon(
              new DeferredStart(config, environment, version(), instrumentation),
              "status-exporter-start")
          .start();
    } catch (ConfigException e) {
      // Thrown before anything is instrumented.
      AgentState.refused(e.getMessage());
      AgentLog.info("not started, the application runs on without it: " + e.getMessage());
    } catch (Throwable e) {
      AgentState.failed(String.valueOf(e));
      AgentLog.info("not started, the application runs on without it: " + e);
    }
  }

  /** Before main, so no server of the application can be created without it. No lambdas here. */
  private static void instrumentJdkServer(Instrumentation instrumentation, boolean attached) {
    try {
      Optional<String> notInstalled =
          JdkServerInstrumentation.install(instrumentation, attached, new LogLine());
      if (notInstalled.isPresent()) {
        AgentLog.info("no request metrics for the JDK HTTP server: " + notInstalled.get());
      }
    } catch (Throwable e) {
      AgentLog.info("no request metrics for the JDK HTTP server: " + e);
    }
  }

  /** One line on stderr; a class rather than a method reference, which premain would bootstrap. */
  private static final class LogLine implements Consumer<String> {
    @Override
    public void accept(String line) {
      AgentLog.info(line);
    }
  }

  /**
   * Creates {@link Startup} on the background thread once the application has started, and installs
   * the servers' hooks then: loading it on premain would make the verifier load client_java classes
   * there, before the application's main, and loading it at once on this thread put that beside the
   * application's start.
   */
  private static final class DeferredStart implements Runnable {
    private final AgentConfig config;
    private final Map<String, String> environment;
    private final String version;
    private final Instrumentation instrumentation;

    DeferredStart(
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
        // Measured: starting alongside the application delays its start by ~50 ms on 2 cores.
        ApplicationStart.await();
      } catch (InterruptedException e) {
        return; // the JVM is going away
      }
      if (config.instrument()) {
        // Here rather than on premain, which it would make ~2 ms longer: the transformer is
        // installed only now anyway, and weaves on a thread of its own while the agent starts.
        try {
          HookTransformer.install(instrumentation, new InstrumentedServers.Lists(), new LogLine());
        } catch (Throwable e) {
          AgentLog.info("no request metrics for the servers the agent weaves: " + e);
        }
      }
      new Startup(config, environment, version, instrumentation).run();
    }
  }

  static String version() {
    String version = StatusExporterAgent.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
