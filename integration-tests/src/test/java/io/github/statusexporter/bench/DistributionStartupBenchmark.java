package io.github.statusexporter.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up of a servlet container's own distribution ({@link Distribution}) without an agent, with
 * an agent that does nothing, and with this agent, launches alternated (A B C A B C ...): the
 * container's own figure from its log, the wall time from launch to its first 200 of {@code /}
 * (Tomcat's ROOT answers with a JSP, compiled at that first request), and the process's CPU time
 * then; with the agent also the time to the first 200 of {@code /metrics}. Medians. Arguments:
 * {@code tomcat} or {@code jetty}, the unpacked distribution, the agent jar, launches of each kind.
 * {@code -Dbench.agentOptions=instrument=false} measures the agent without its request metrics.
 */
public final class DistributionStartupBenchmark {
  private static final String AGENT_OPTIONS = System.getProperty("bench.agentOptions", "");

  private DistributionStartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Distribution distribution = Distribution.valueOf(args[0].toUpperCase(Locale.ROOT));
    Path home = Paths.get(args[1]).toAbsolutePath();
    Path agentJar = Paths.get(args[2]).toAbsolutePath();
    int launches = Integer.parseInt(args[3]);
    Path work = Files.createTempDirectory("distribution-startup");
    try {
      Path base = distribution.prepare(home, work);
      Path emptyAgent = EmptyAgent.jar(work);
      Arm[] arms = {
        new Arm("no agent", null, false),
        new Arm("empty agent", emptyAgent, false),
        new Arm("agent", agentJar, true)
      };
      for (Arm arm : arms) { // one untimed launch of each warms the file cache
        launch(distribution, home, base, work, arm, false);
      }
      for (int i = 0; i < launches; i++) {
        for (Arm arm : arms) {
          launch(distribution, home, base, work, arm, true);
        }
      }
      print(distribution, home, launches, arms);
    } finally {
      delete(work);
    }
  }

  private static void print(Distribution distribution, Path home, int launches, Arm[] arms) {
    Arm none = arms[0];
    System.out.println(
        "### Start-up of "
            + distribution.description
            + " ("
            + home.getFileName()
            + "; "
            + launches
            + " launches each, alternated, medians)");
    System.out.println();
    System.out.println(
        "| figure | no agent | empty agent | agent"
            + (AGENT_OPTIONS.isEmpty() ? "" : " (" + AGENT_OPTIONS + ")")
            + " | empty / none | agent / none |");
    System.out.println("|---|---|---|---|---|---|");
    row("its own " + distribution.startedLine + ", ms", arms, none, Arm::started);
    row("first 200 of /, ms", arms, none, Arm::firstAnswer);
    row("process CPU until then, ms", arms, none, Arm::cpu);
    System.out.println(
        "| first 200 of /metrics, ms | | | "
            + Stats.format(Stats.median(arms[2].metrics))
            + " | | "
            + Stats.format(Stats.median(arms[2].metrics) / Stats.median(none.firstAnswer))
            + " |");
    System.out.println(
        "| launches in which the agent wove the container before its started line | | | "
            + arms[2].wovenBefore
            + " of "
            + launches
            + " | | |");
    System.out.println();
    for (Arm arm : arms) {
      System.out.println(
          "raw, "
              + arm.name
              + ": started "
              + rounded(arm.started)
              + "; first / "
              + rounded(arm.firstAnswer)
              + "; CPU "
              + rounded(arm.cpu)
              + (arm.metrics.isEmpty() ? "" : "; /metrics " + rounded(arm.metrics)));
    }
  }

  private static List<Long> rounded(List<Double> millis) {
    List<Long> rounded = new ArrayList<>();
    for (double value : millis) {
      rounded.add(Math.round(value));
    }
    return rounded;
  }

  private interface Figure {
    List<Double> of(Arm arm);
  }

  private static void row(String name, Arm[] arms, Arm none, Figure figure) {
    double plain = Stats.median(figure.of(none));
    double empty = Stats.median(figure.of(arms[1]));
    double agent = Stats.median(figure.of(arms[2]));
    System.out.println(
        Stats.row(
            name,
            Stats.format(plain),
            Stats.format(empty),
            Stats.format(agent),
            Stats.format(empty / plain),
            Stats.format(agent / plain)));
  }

  /** One launch of {@code arm}; its figures are kept unless it is a warm-up. */
  private static void launch(
      Distribution distribution, Path home, Path base, Path work, Arm arm, boolean kept)
      throws Exception {
    int port = Ports.free();
    int agentPort = Ports.free();
    String options = "port=" + agentPort + (AGENT_OPTIONS.isEmpty() ? "" : "," + AGENT_OPTIONS);
    Path log = work.resolve("launch.log");
    ProcessBuilder builder = distribution.command(home, base, arm.agent, options, port);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      double firstAnswer = millisUntilOk(process, start, "http://127.0.0.1:" + port + "/");
      double cpu = cpuMillis(process);
      double metrics =
          arm.servesMetrics
              ? millisUntilOk(process, start, "http://127.0.0.1:" + agentPort + "/metrics")
              : Double.NaN;
      double started = startedMillis(distribution, log);
      boolean wovenBefore = wovenBeforeStarted(distribution, log);
      if (kept) {
        arm.wovenBefore += wovenBefore ? 1 : 0;
        arm.started.add(started);
        arm.firstAnswer.add(firstAnswer);
        arm.cpu.add(cpu);
        if (arm.servesMetrics) {
          arm.metrics.add(metrics);
        }
      }
    } finally {
      stop(process);
    }
  }

  /**
   * Whether the agent's line that it measures the container came before the container's own line
   * that it has started: the agent wove it in the middle of its start. Both write to stderr.
   */
  private static boolean wovenBeforeStarted(Distribution distribution, Path log)
      throws IOException {
    String text = Files.readString(log);
    int woven = text.indexOf("status-exporter: measuring requests on");
    return woven >= 0 && woven < distribution.startedLineAt(text);
  }

  /** The container's own figure, once its line is in the log (it may trail the first answer). */
  private static double startedMillis(Distribution distribution, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return distribution.startedMillis(Files.readString(log));
      } catch (IllegalStateException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(20);
      }
    }
  }

  private static double millisUntilOk(Process process, long start, String url)
      throws IOException, InterruptedException {
    long deadline = start + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (answersOk(url)) {
        return (System.nanoTime() - start) / 1e6;
      }
      if (!process.isAlive()) {
        throw new IOException("the launched JVM exited with " + process.exitValue());
      }
      Thread.sleep(2);
    }
    throw new IOException(url + " did not answer within 120 s");
  }

  private static boolean answersOk(String url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
      connection.setConnectTimeout(200);
      connection.setReadTimeout(30_000);
      int status = connection.getResponseCode();
      connection.getInputStream().readAllBytes();
      return status == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** CPU time of the JVM (catalina.sh run execs it: the same process), user and system. */
  private static double cpuMillis(Process process) throws IOException {
    String stat = Files.readString(Paths.get("/proc", String.valueOf(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
  }

  private static void stop(Process process) throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle child : children) {
      child.destroyForcibly();
    }
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    }
  }

  /** One kind of launch and its figures. */
  private static final class Arm {
    final String name;
    final Path agent;
    final boolean servesMetrics;
    final List<Double> started = new ArrayList<>();
    int wovenBefore;
    final List<Double> firstAnswer = new ArrayList<>();
    final List<Double> cpu = new ArrayList<>();
    final List<Double> metrics = new ArrayList<>();

    Arm(String name, Path agent, boolean servesMetrics) {
      this.name = name;
      this.agent = agent;
      this.servesMetrics = servesMetrics;
    }

    List<Double> started() {
      return started;
    }

    List<Double> firstAnswer() {
      return firstAnswer;
    }

    List<Double> cpu() {
      return cpu;
    }
  }
}
