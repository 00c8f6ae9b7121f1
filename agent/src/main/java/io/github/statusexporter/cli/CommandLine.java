package io.github.statusexporter.cli;

import com.sun.tools.attach.VirtualMachine;
import io.github.statusexporter.agent.AgentState;
import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.options.ConfigParser;
import io.github.statusexporter.source.Redaction;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code java -jar status-exporter.jar}: attaches the agent to a running JVM, with the options of
 * the {@code -javaagent} form, and tells which JVMs run it. Exit codes: 0 done, 1 failed, 2 the
 * command line itself is wrong.
 */
public final class CommandLine {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  /** Longest wait for an attached agent to serve: it first waits for a quiet moment, up to 10 s. */
  private static final long SERVING_WAIT_MILLIS = 30_000;

  /** Longest wait for one JVM's answer in {@code list}: a JVM that hangs must not hang the list. */
  private static final long LIST_WAIT_SECONDS = 5;

  static final String USAGE_TEXT =
      String.join(
          "\n",
          "usage: java -jar status-exporter.jar <command>",
          "",
          "  list                          the JVMs you may attach to, and where the agent serves in each",
          "  attach <pid|regex> [options]  loads the agent into a running JVM; options as in",
          "                                -javaagent:status-exporter.jar=<options>, such as port=9100,source=none",
          "  status <pid|regex>            whether the agent runs there, its options, URL and sources",
          "  --version                     this tool's and agent's version",
          "  --help                        this text",
          "",
          "A regex picks JVMs by main class or jar (as 'list' shows them); attach refuses when it",
          "matches more than one. See docs/operations.md#attaching-to-a-running-jvm.");

  private final PrintStream out;
  private final PrintStream err;

  CommandLine(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] arguments) {
    System.exit(new CommandLine(System.out, System.err).run(arguments));
  }

  int run(String... arguments) {
    String command = arguments.length == 0 ? "--help" : arguments[0];
    switch (command) {
      case "--help":
      case "-h":
      case "help":
        out.println(USAGE_TEXT);
        return OK;
      case "--version":
        out.println("status-exporter " + version());
        return OK;
      case "list":
        return arguments.length == 1 ? list() : usage("list takes no arguments");
      case "attach":
        if (arguments.length < 2 || arguments.length > 3) {
          return usage("attach needs a pid or a regex, then the options if any");
        }
        return attach(arguments[1], arguments.length == 3 ? arguments[2] : "");
      case "status":
        return arguments.length == 2 ? status(arguments[1]) : usage("status needs a pid or regex");
      default:
        return usage("unknown command '" + command + "'");
    }
  }

  private int usage(String problem) {
    err.println("status-exporter: " + problem);
    err.println(USAGE_TEXT);
    return USAGE;
  }

  private int list() {
    List<RunningJvm> jvms = RunningJvm.all();
    // Asked side by side, each on a daemon thread the tool's exit does not wait for.
    ExecutorService askers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "status-exporter-list");
              thread.setDaemon(true);
              return thread;
            });
    List<Future<Properties>> answers = new ArrayList<>();
    for (RunningJvm jvm : jvms) {
      answers.add(askers.submit(jvm::properties));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIST_WAIT_SECONDS);
    out.printf("%-8s %-45s %s%n", "PID", "STATUS-EXPORTER", "JVM");
    for (int i = 0; i < jvms.size(); i++) {
      out.printf(
          "%-8s %-45s %s%n", jvms.get(i).pid, agentIn(answers.get(i), deadline), jvms.get(i).name);
    }
    askers.shutdownNow();
    return OK;
  }

  private static String agentIn(Future<Properties> answer, long deadline) {
    try {
      return AgentSummary.of(
          answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return "? no answer in " + LIST_WAIT_SECONDS + " s";
    } catch (ExecutionException e) {
      return "? " + e.getCause().getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private int attach(String target, String options) {
    try {
      // Checked here, before anything is loaded: the agent would refuse them in the application.
      ConfigParser.parse(options, new Properties(), Map.of());
    } catch (ConfigException e) {
      err.println("status-exporter: nothing attached: " + e.getMessage());
      return USAGE;
    }
    RunningJvm jvm;
    try {
      jvm = single(target);
      Properties before = jvm.properties();
      String state = before.getProperty(AgentState.STATE);
      if (state != null && !state.equals(AgentState.REFUSED)) {
        return alreadyThere(jvm, before, options);
      }
      VirtualMachine vm = AttachFailure.attach(jvm.pid);
      try {
        vm.loadAgent(ownJar().toString(), options);
        return awaitServing(jvm, vm);
      } finally {
        AttachFailure.detach(vm);
      }
    } catch (AttachFailure e) {
      err.println("status-exporter: " + e.getMessage());
      return FAILED;
    } catch (Exception e) {
      err.println("status-exporter: could not load the agent: " + e);
      return FAILED;
    }
  }

  private int alreadyThere(RunningJvm jvm, Properties properties, String options) {
    String running = properties.getProperty(AgentState.OPTIONS, "");
    if (running.equals(Redaction.urlsIn(options))) {
      out.println("status-exporter: already in " + jvm + ": " + AgentSummary.of(properties));
      return OK;
    }
    err.println(
        "status-exporter: already in "
            + jvm
            + " with options '"
            + running
            + "' ("
            + AgentSummary.of(properties)
            + "); a JVM takes one agent, and its options cannot change while it runs: restart"
            + " the application with -javaagent and the new options, or attach to it once"
            + " restarted");
    return FAILED;
  }

  private int awaitServing(RunningJvm jvm, VirtualMachine vm) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SERVING_WAIT_MILLIS);
    Properties properties = RunningJvm.systemProperties(vm);
    while (System.nanoTime() < deadline) {
      String state = properties.getProperty(AgentState.STATE);
      if (AgentState.SERVING.equals(state)) {
        out.println(
            "status-exporter: attached to " + jvm + ", serving " + properties.get(AgentState.URL));
        dynamicLoadingNote(properties);
        return OK;
      }
      if (AgentState.FAILED.equals(state) || AgentState.REFUSED.equals(state)) {
        err.println(
            "status-exporter: attached to "
                + jvm
                + ", but not serving: "
                + properties.getProperty(AgentState.FAILURE));
        return FAILED;
      }
      Thread.sleep(200);
      properties = RunningJvm.systemProperties(vm);
    }
    err.println(
        "status-exporter: attached to "
            + jvm
            + ", but it does not serve yet after "
            + SERVING_WAIT_MILLIS / 1000
            + " s; its lines are on the application's stderr");
    return FAILED;
  }

  /** JDK 21 and later warn of an agent loaded into a running JVM; it is a warning, nothing more. */
  private void dynamicLoadingNote(Properties properties) {
    String version = properties.getProperty("java.specification.version", "0");
    if (version.matches("\\d{1,4}") && Integer.parseInt(version) >= 21) {
      out.println(
          "status-exporter: the application's JDK "
              + version
              + " writes a warning about an agent loaded dynamically; start it with"
              + " -XX:+EnableDynamicAgentLoading to allow it silently");
    }
  }

  private int status(String target) {
    try {
      RunningJvm jvm = single(target);
      Properties properties = jvm.properties();
      if (properties.getProperty(AgentState.STATE) == null) {
        out.println("status-exporter: not in " + jvm);
        return FAILED;
      }
      out.println("status-exporter in " + jvm);
      out.println("  version: " + properties.getProperty(AgentState.VERSION));
      out.println("  options: '" + properties.getProperty(AgentState.OPTIONS, "") + "'");
      out.println("  " + AgentSummary.of(properties));
      String url = properties.getProperty(AgentState.URL);
      if (url != null) {
        for (String line : AgentSummary.sources(url)) {
          out.println("  " + line);
        }
      }
      return OK;
    } catch (AttachFailure e) {
      err.println("status-exporter: " + e.getMessage());
      return FAILED;
    }
  }

  private RunningJvm single(String target) throws AttachFailure {
    List<RunningJvm> jvms = RunningJvm.matching(target);
    if (jvms.size() == 1) {
      return jvms.get(0);
    }
    if (jvms.isEmpty()) {
      throw new AttachFailure(
          "no JVM's main class or jar matches '"
              + target
              + "' (java -jar status-exporter.jar list)");
    }
    StringBuilder all = new StringBuilder();
    for (RunningJvm jvm : jvms) {
      all.append(all.length() == 0 ? "" : "; ").append(jvm);
    }
    throw new AttachFailure(
        "'" + target + "' matches " + jvms.size() + " JVMs, give one pid: " + all);
  }

  private static Path ownJar() throws URISyntaxException {
    return Paths.get(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toAbsolutePath();
  }

  private static String version() {
    String version = CommandLine.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
