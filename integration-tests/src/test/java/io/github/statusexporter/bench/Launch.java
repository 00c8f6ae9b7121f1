package io.github.statusexporter.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One launch of an application, with or without the agent, for the benchmarks. */
final class Launch implements AutoCloseable {
  static final Path JAVA = BenchApp.OWN_JAVA;

  /**
   * With {@code -Dbench.pin=true}, the application runs on CPU 1 and wrk on CPU 0 (taskset), so
   * that the two do not take turns on the same core: far less noise on a 2-core machine.
   */
  static final boolean PINNED = Boolean.getBoolean("bench.pin");

  static final List<String> CPU_PINNING = PINNED ? List.of("taskset", "-c", "1") : List.of();
  static final List<String> LOAD_PINNING = PINNED ? List.of("taskset", "-c", "0") : List.of();

  final Process process;
  final BenchApp app;
  final long startNanos;
  final int appPort;
  final int agentPort;

  /** Where the JVM's stdout and stderr go. */
  private final Path output;

  /** Whether {@link #output} is the launch's own, to delete on {@link #close}. */
  private final boolean ownOutput;

  /** Lines of the JVM's output that a failed wait shows. */
  private static final int LINES_SHOWN = 20;

  private Launch(
      Process process,
      BenchApp app,
      long startNanos,
      int appPort,
      int agentPort,
      Path output,
      boolean ownOutput) {
    this.process = process;
    this.app = app;
    this.startNanos = startNanos;
    this.appPort = appPort;
    this.agentPort = agentPort;
    this.output = output;
    this.ownOutput = ownOutput;
  }

  /**
   * How to launch beyond the application and the agent: the command that pins the JVM to CPUs
   * (empty for none), flags before {@code -jar}, whether the agent reads the application's status
   * page (else its options name the source, as {@code config=...} does), and the file the JVM's
   * stdout and stderr go to (null: a temporary file of the launch's own, whose last lines a failed
   * wait shows and which goes when the launch is closed; the JVM writes some errors, such as {@code
   * -XX:+ExitOnOutOfMemoryError}'s, to stdout).
   */
  record Setup(List<String> pinning, List<String> jvmFlags, boolean statusSource, Path output) {
    /** As every benchmark launches: pinned with {@code -Dbench.pin=true}, no flags. */
    static final Setup DEFAULT = new Setup(CPU_PINNING, List.of(), true, null);
  }

  /** Starts {@code java -jar app.jar}, with {@code -javaagent} when agentJar is not null. */
  static Launch start(BenchApp app, Path agentJar, String agentOptions) throws IOException {
    return start(app, agentJar, agentOptions, true, Setup.DEFAULT);
  }

  /** As above; without options for an agent that takes none. */
  static Launch start(BenchApp app, Path agentJar, boolean withOptions) throws IOException {
    return start(app, agentJar, "", withOptions, Setup.DEFAULT);
  }

  /** As {@link #start(BenchApp, Path, String)}, launched as {@code setup} says. */
  static Launch start(BenchApp app, Path agentJar, String agentOptions, Setup setup)
      throws IOException {
    return start(app, agentJar, agentOptions, true, setup);
  }

  /**
   * Starts the application with the OpenTelemetry Java agent and its Prometheus exporter on {@link
   * #agentPort} (at {@code /metrics} as at any path), as its documentation configures it; traces
   * and logs exported nowhere, so that it does only what this agent does: metrics for a scrape.
   */
  static Launch startOpenTelemetry(BenchApp app, Path openTelemetryAgent) throws IOException {
    int agentPort = Ports.free();
    List<String> flags =
        List.of(
            "-Dotel.metrics.exporter=prometheus",
            "-Dotel.exporter.prometheus.port=" + agentPort,
            "-Dotel.exporter.prometheus.host=127.0.0.1",
            "-Dotel.traces.exporter=none",
            "-Dotel.logs.exporter=none");
    Setup setup = new Setup(CPU_PINNING, flags, false, null);
    return start(app, openTelemetryAgent, "", false, setup, Ports.free(), agentPort);
  }

  private static Launch start(
      BenchApp app, Path agentJar, String agentOptions, boolean withOptions, Setup setup)
      throws IOException {
    return start(app, agentJar, agentOptions, withOptions, setup, Ports.free(), Ports.free());
  }

  private static Launch start(
      BenchApp app,
      Path agentJar,
      String agentOptions,
      boolean withOptions,
      Setup setup,
      int appPort,
      int agentPort)
      throws IOException {
    List<String> command = new ArrayList<>(setup.pinning());
    command.add(app.java().toString());
    command.addAll(setup.jvmFlags());
    if (agentJar != null && !withOptions) {
      command.add("-javaagent:" + agentJar);
    } else if (agentJar != null) {
      List<String> options = new ArrayList<>(List.of("port=" + agentPort));
      if (setup.statusSource()) {
        options.add("source=http://localhost:" + appPort + app.statusPath());
      }
      if (!agentOptions.isEmpty()) {
        options.add(agentOptions);
      }
      command.add("-javaagent:" + agentJar + "=" + String.join(",", options));
    }
    command.addAll(app.command(appPort));
    boolean ownOutput = setup.output() == null;
    Path output = ownOutput ? Files.createTempFile("bench-launch", ".log") : setup.output();
    if (ownOutput) {
      output.toFile().deleteOnExit(); // a run stopped with ^C
    }
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    long start = System.nanoTime();
    try {
      return new Launch(builder.start(), app, start, appPort, agentPort, output, ownOutput);
    } catch (IOException | RuntimeException e) {
      if (ownOutput) {
        Files.deleteIfExists(output);
      }
      throw e;
    }
  }

  /** Milliseconds from launch until {@code url} first answers 200, polling every 2 ms. */
  double millisUntilOk(String url) throws IOException, InterruptedException {
    return millisSinceUntilOk(url, startNanos);
  }

  /** Milliseconds from {@code since} (a nanoTime) until {@code url} first answers 200. */
  double millisSinceUntilOk(String url, long since) throws IOException, InterruptedException {
    long deadline = since + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (answersOk(url)) {
        return (System.nanoTime() - since) / 1e6;
      }
      if (!process.isAlive()) {
        throw new IOException("the launched JVM exited with " + process.exitValue() + lastOutput());
      }
      Thread.sleep(2);
    }
    throw new IOException(url + " did not answer within 60 s" + lastOutput());
  }

  /** The last lines the JVM wrote, for a failure's message: the cause, when the JVM said it. */
  String lastOutput() {
    try {
      // Not readAllLines, which throws on bytes that are not UTF-8 (a crashing JVM's may not be).
      List<String> lines =
          new String(Files.readAllBytes(output), StandardCharsets.UTF_8).lines().toList();
      List<String> last = lines.subList(Math.max(0, lines.size() - LINES_SHOWN), lines.size());
      return last.isEmpty()
          ? "; the JVM wrote nothing"
          : "; the JVM's last output:\n  " + String.join("\n  ", last);
    } catch (IOException e) {
      return "; its output cannot be read: " + e;
    }
  }

  static boolean answersOk(String url) {
    try {
      HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
      connection.setConnectTimeout(200);
      connection.setReadTimeout(5000);
      int status = connection.getResponseCode();
      connection.getInputStream().readAllBytes();
      return status == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  String statusUrl() {
    return "http://127.0.0.1:" + appPort + app.statusPath();
  }

  /**
   * The page whose first 200 means the application has started (see {@link BenchApp#readyPath}).
   */
  String readyUrl() {
    return "http://127.0.0.1:" + appPort + app.readyPath();
  }

  String metricsUrl() {
    return "http://127.0.0.1:" + agentPort + "/metrics";
  }

  /**
   * Waits until {@code /metrics} also holds the JVM metrics, which the agent registers a moment
   * after its server first answers.
   */
  void awaitJvmMetrics() throws IOException, InterruptedException {
    millisUntilOk(metricsUrl());
    ScrapeClient client = new ScrapeClient(metricsUrl());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!new String(client.scrape(ScrapeFormat.TEXT), StandardCharsets.UTF_8)
        .contains("jvm_threads_state")) {
      if (System.nanoTime() > deadline) {
        throw new IOException(metricsUrl() + " has no JVM metrics after 30 s");
      }
      Thread.sleep(10);
    }
  }

  /** Resident set size in KiB: VmRSS of /proc/PID/status. */
  long residentKib() throws IOException {
    return statusKib("VmRSS:");
  }

  /** The most the resident set size has been, in KiB: VmHWM of /proc/PID/status. */
  long peakResidentKib() throws IOException {
    return statusKib("VmHWM:");
  }

  private long statusKib(String field) throws IOException {
    for (String line :
        Files.readAllLines(Paths.get("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no " + field + " in /proc/" + process.pid() + "/status");
  }

  /** CPU seconds the process has used, user and system, from /proc. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Paths.get("/proc", String.valueOf(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks of 1/100 s.
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  @Override
  public void close() throws InterruptedException {
    try {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } finally {
      if (ownOutput) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          // a temporary file left behind; the run goes on
        }
      }
    }
  }
}
