package io.github.statusexporter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Memory: the application's resident set size (VmRSS) once started, after some traffic to the
 * application, and after a number of scrapes as Prometheus sends them by default (OpenMetrics,
 * gzip), without any agent, with an agent that does nothing (what any {@code -javaagent} costs the
 * JVM) and with this agent, launches alternated; and first, the resident memory and the classes
 * loaded at the moment the agent's {@code /metrics} first answers, the JVMs without it at the same
 * time after their launch (readiness and {@code /metrics} polled from the launch on, as {@link
 * StartupBenchmark} does). Without the agent the application serves its status page as many times
 * instead, as it does for each of the agent's reads, so that both do the same application work.
 * Arguments: application, agent jar, launches each, scrapes, and optionally an earlier build's
 * agent jar, launched in each round too, whose figures are then compared with this one's.
 */
public final class MemoryBenchmark {
  /** Lets the start's last allocations and compilations settle before reading VmRSS. */
  private static final long SETTLE_MILLIS = 1000;

  /**
   * Requests to the application's status page after the start's figure: ~50 MB of the JDK server's
   * garbage, more than the young generation G1 starts with here (16 MB), so that both JVMs have
   * used it as any application that has served traffic has.
   */
  private static final int TRAFFIC = 2000;

  /** Where {@link #measure} puts the figures of the moment the agent's /metrics first answered. */
  private static final int AT_METRICS = 5;

  private static final int CLASSES = 6;
  private static final int SHARED_CLASSES = 7;
  private static final int MOMENT = 8;

  private MemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchApp app = BenchApp.of(args[0]);
    Path agentJar = Paths.get(args[1]);
    int launches = Integer.parseInt(args[2]);
    int scrapes = Integer.parseInt(args[3]);
    Path earlierJar = args.length > 4 ? Paths.get(args[4]) : null;
    Path emptyAgent = EmptyAgent.jar(Files.createTempDirectory("empty-agent"));
    List<double[]> plain = new ArrayList<>();
    List<double[]> empty = new ArrayList<>();
    List<double[]> agent = new ArrayList<>();
    List<double[]> earlier = new ArrayList<>();
    for (int i = 0; i < launches; i++) {
      // The agent first: the others are read at the moment its /metrics first answered.
      double[] ours = measure(app, agentJar, true, scrapes, Double.NaN);
      agent.add(ours);
      plain.add(measure(app, null, false, scrapes, ours[MOMENT]));
      empty.add(measure(app, emptyAgent, false, scrapes, ours[MOMENT]));
      if (earlierJar != null) {
        earlier.add(measure(app, earlierJar, true, scrapes, Double.NaN));
      }
    }
    System.out.println(
        "### Memory of "
            + app.name()
            + " ("
            + launches
            + " launches each, alternated; MiB, medians and in brackets p25-p75 (nearest rank)"
            + (Launch.PINNED ? "; application on CPU 1" : "")
            + ")");
    System.out.println();
    System.out.println(
        "| when | no agent | empty agent (the JVM's cost of any agent) | agent"
            + " | agent minus no agent (median of pairs) | agent minus empty agent (median of"
            + " pairs) |");
    System.out.println("|---|---|---|---|---|---|");
    row(
        "resident at the agent's first 200 of /metrics (ms after launch: "
            + Stats.withSpread(figure(agent, MOMENT))
            + "), the others at the same time after their launch",
        plain,
        empty,
        agent,
        AT_METRICS);
    row("classes loaded by then (count)", plain, empty, agent, CLASSES);
    row("of which from the CDS archive (count)", plain, empty, agent, SHARED_CLASSES);
    row(
        "resident, started (with the agent: its JVM metrics registered), 1 s later",
        plain,
        empty,
        agent,
        0);
    row("of which Java heap pages", plain, empty, agent, 1);
    row(
        "resident, then after " + TRAFFIC + " requests to the application (its young heap used)",
        plain,
        empty,
        agent,
        4);
    row(
        "resident, after " + scrapes + " scrapes (without the agent: as many status reads)",
        plain,
        empty,
        agent,
        2);
    row("live heap then, after a full GC (jcmd GC.run)", plain, empty, agent, 3);
    System.out.println();
    System.out.println(
        "Classes are read with jcmd PerfCounter.print (the JVM's perf data; no attach) right after"
            + " the resident memory, java.cls.loadedClasses + java.cls.sharedLoadedClasses.");
    System.out.println(
        "Agent jar: " + Stats.format(Files.size(agentJar) / 1024.0 / 1024.0) + " MiB.");
    if (earlierJar != null) {
      compare(earlierJar, earlier, agent);
    }
  }

  /** The earlier build's figures beside this one's, each at its own first /metrics. */
  private static void compare(Path earlierJar, List<double[]> earlier, List<double[]> agent)
      throws IOException {
    System.out.println();
    System.out.println(
        "The earlier jar, "
            + earlierJar
            + " ("
            + Stats.format(Files.size(earlierJar) / 1024.0 / 1024.0)
            + " MiB), launched in each round after the others (its figures at its own first 200"
            + " of /metrics, ms after launch: "
            + Stats.withSpread(figure(earlier, MOMENT))
            + "):");
    System.out.println();
    System.out.println(
        "| when | earlier jar | agent | agent minus earlier jar (median of pairs) |");
    System.out.println("|---|---|---|---|");
    compareRow("resident at the first 200 of /metrics", earlier, agent, AT_METRICS);
    compareRow("classes loaded by then (count)", earlier, agent, CLASSES);
    compareRow("resident, started, 1 s later", earlier, agent, 0);
    compareRow("of which Java heap pages", earlier, agent, 1);
  }

  private static void compareRow(
      String when, List<double[]> earlier, List<double[]> agent, int figure) {
    System.out.println(
        Stats.row(
            when,
            Stats.withSpread(figure(earlier, figure)),
            Stats.withSpread(figure(agent, figure)),
            Stats.withSpread(differences(agent, earlier, figure))));
  }

  /** Medians of one figure over the launches, and of each pair's differences. */
  private static void row(
      String when, List<double[]> plain, List<double[]> empty, List<double[]> agent, int figure) {
    System.out.println(
        Stats.row(
            when,
            Stats.withSpread(figure(plain, figure)),
            Stats.withSpread(figure(empty, figure)),
            Stats.withSpread(figure(agent, figure)),
            Stats.withSpread(differences(agent, plain, figure)),
            Stats.withSpread(differences(agent, empty, figure))));
  }

  /** Each round's figure of {@code launches} minus that of {@code others}. */
  private static List<Double> differences(
      List<double[]> launches, List<double[]> others, int figure) {
    List<Double> differences = new ArrayList<>();
    for (int i = 0; i < launches.size(); i++) {
      differences.add(launches.get(i)[figure] - others.get(i)[figure]);
    }
    return differences;
  }

  private static List<Double> figure(List<double[]> launches, int figure) {
    List<Double> values = new ArrayList<>();
    launches.forEach(launch -> values.add(launch[figure]));
    return values;
  }

  /**
   * In MiB: VmRSS once started, and how much of it is Java heap pages; VmRSS after the scrapes (or
   * status reads); the live heap after a full GC then; VmRSS after the application's traffic.
   * Garbage lands in heap pages that a young JVM touches for the first time until its first
   * collections, so resident memory grows with the bytes allocated (at start: class loading; later:
   * scrapes) and stays; the live heap shows what is really kept.
   */
  private static double[] measure(
      BenchApp app, Path agentJar, boolean ours, int scrapes, double momentMillis)
      throws Exception {
    try (Launch launch = Launch.start(app, agentJar, ours)) {
      // Asked from the launch on as in a real deployment (see StartupBenchmark).
      Probe readiness =
          Probe.start(launch, launch.readyUrl(), StartupBenchmark.PROBE_INTERVAL_MILLIS);
      Probe prometheus =
          Probe.start(launch, launch.metricsUrl(), StartupBenchmark.PROBE_INTERVAL_MILLIS);
      double moment;
      if (ours) {
        moment = prometheus.awaitMillis();
      } else {
        moment = momentMillis;
        long wait = launch.startNanos + (long) (momentMillis * 1e6) - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      double atMetrics = launch.residentKib() / 1024.0;
      long[] classes = Jcmd.loadedClasses(launch.process.pid());
      readiness.awaitMillis();
      if (!ours) {
        prometheus.stop();
      }
      String url = launch.statusUrl();
      if (ours) {
        launch.awaitJvmMetrics();
        url = launch.metricsUrl();
      }
      Thread.sleep(SETTLE_MILLIS);
      double started = launch.residentKib() / 1024.0;
      double heapPages = HeapInfo.of(launch.process.pid()).residentKib / 1024.0;
      ScrapeClient application = new ScrapeClient(launch.statusUrl());
      for (int i = 0; i < TRAFFIC; i++) {
        application.scrape(ScrapeFormat.TEXT);
      }
      double afterTraffic = launch.residentKib() / 1024.0;
      ScrapeClient client = new ScrapeClient(url);
      for (int i = 0; i < scrapes; i++) {
        client.scrape(ScrapeFormat.OPENMETRICS_GZIP);
      }
      double scraped = launch.residentKib() / 1024.0;
      Jcmd.run(launch.process.pid(), "GC.run");
      double live = HeapInfo.of(launch.process.pid()).usedKib / 1024.0;
      return new double[] {
        started, heapPages, scraped, live, afterTraffic, atMetrics, classes[0], classes[1], moment
      };
    }
  }
}
