package io.github.statusexporter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Attaching to an application under steady load (issue 19): the application launched without the
 * agent, wrk on its load page, then {@code java -jar status-exporter.jar attach PID port=N} while
 * wrk runs. Figures: milliseconds from the tool's launch to the first 200 of {@code /metrics}, the
 * tool's own time, and the application's p99 latency under wrk before, during (the run that holds
 * the attach) and after it; beside them the same three runs of a launch that nobody attaches to,
 * launches alternated (A B, B A, ...). Any error answer or socket error fails the run. Arguments:
 * application, agent jar, rounds, seconds per wrk run (the run during the attach is 4 s longer).
 */
public final class AttachBenchmark {
  private static final int CONNECTIONS = 16;

  /** Into the run that holds it, so that wrk's connections are all busy when it comes. */
  private static final long ATTACH_AFTER_MILLIS = 1_000;

  private AttachBenchmark() {}

  /** One launch: p99 ms before, during and after; with the attach, its two times. */
  private record Round(
      double before, double during, double after, double toMetricsMillis, double toolMillis) {}

  public static void main(String[] args) throws Exception {
    BenchApp app = BenchApp.of(args[0]);
    Path agentJar = Paths.get(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    String path = app.loadPaths().get(app.loadPaths().size() - 1);
    System.out.println(
        "### Attach to "
            + app.name()
            + " under wrk ("
            + rounds
            + " rounds, alternated, medians; wrk -t1 -c"
            + CONNECTIONS
            + " on "
            + path
            + ", "
            + seconds
            + " s before and after, "
            + (seconds + 4)
            + " s during, the attach 1 s into it"
            + (Launch.PINNED ? "; wrk and the tool on CPU 0, application on CPU 1" : "")
            + ")");
    System.out.println();
    List<Round> plain = new ArrayList<>();
    List<Round> attached = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      boolean attachFirst = round % 2 == 1;
      if (!attachFirst) {
        plain.add(run(app, null, path, seconds));
      }
      attached.add(run(app, agentJar, path, seconds));
      if (attachFirst) {
        plain.add(run(app, null, path, seconds));
      }
    }
    System.out.println(
        "| launch | attach to first /metrics ms | tool ms | p99 ms before | p99 ms during |"
            + " p99 ms after |");
    System.out.println("|---|---|---|---|---|---|");
    System.out.println(
        Stats.row(
            "not attached",
            "",
            "",
            median(plain, Round::before),
            median(plain, Round::during),
            median(plain, Round::after)));
    System.out.println(
        Stats.row(
            "attached",
            median(attached, Round::toMetricsMillis),
            median(attached, Round::toolMillis),
            median(attached, Round::before),
            median(attached, Round::during),
            median(attached, Round::after)));
  }

  private static Round run(BenchApp app, Path agentJar, String path, int seconds) throws Exception {
    try (Launch launch = Launch.start(app, null, "")) {
      launch.millisUntilOk(launch.readyUrl());
      String url = "http://127.0.0.1:" + launch.appPort + path;
      Wrk.run(url, CONNECTIONS, Math.max(1, seconds / 2)); // JIT, connection pools
      double before = checked(Wrk.run(url, CONNECTIONS, seconds)).p99Millis;
      CompletableFuture<Wrk> during = wrkAsync(url, seconds + 4);
      Thread.sleep(ATTACH_AFTER_MILLIS);
      double[] attach = agentJar == null ? new double[2] : attach(launch, agentJar);
      double duringP99 = checked(during.get()).p99Millis;
      double after = checked(Wrk.run(url, CONNECTIONS, seconds)).p99Millis;
      return new Round(before, duringP99, after, attach[0], attach[1]);
    }
  }

  /**
   * Runs the tool, polling {@code /metrics} meanwhile: milliseconds from the tool's launch to its
   * first 200, and to the tool's exit.
   */
  private static double[] attach(Launch launch, Path agentJar) throws Exception {
    List<String> command = new ArrayList<>(Launch.LOAD_PINNING);
    command.addAll(
        List.of(
            Launch.JAVA.toString(),
            "-jar",
            agentJar.toString(),
            "attach",
            String.valueOf(launch.process.pid()),
            "port=" + launch.agentPort + ",source=" + launch.statusUrl()));
    Path output = Files.createTempFile("attach-tool", ".log");
    long start = System.nanoTime();
    Process tool =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    CompletableFuture<Double> toolMillis =
        tool.onExit().thenApply(exited -> (System.nanoTime() - start) / 1e6);
    double toMetrics = launch.millisSinceUntilOk(launch.metricsUrl(), start);
    try {
      if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
        throw new IOException(
            "the attach tool failed (exit "
                + (tool.isAlive() ? "none after 60 s" : tool.exitValue())
                + "): "
                + Files.readString(output).strip());
      }
      return new double[] {toMetrics, toolMillis.get()};
    } finally {
      tool.destroyForcibly();
      Files.delete(output);
    }
  }

  private static CompletableFuture<Wrk> wrkAsync(String url, int seconds) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return Wrk.run(url, CONNECTIONS, seconds);
          } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** The run, unless a connection failed: no request may be lost to the attach. */
  private static Wrk checked(Wrk wrk) throws IOException {
    if (wrk.socketErrors > 0) {
      throw new IOException("wrk saw " + wrk.socketErrors + " socket errors");
    }
    return wrk;
  }

  private static String median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> f) {
    List<Double> values = new ArrayList<>();
    rounds.forEach(round -> values.add(f.applyAsDouble(round)));
    return Stats.format(Stats.median(values));
  }
}
