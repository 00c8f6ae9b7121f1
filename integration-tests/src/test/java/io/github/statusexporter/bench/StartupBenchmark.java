package io.github.statusexporter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up cost: wall time from launching {@code java} to the application's first 200 of its status
 * page (for Spring Boot, of a controller's page: see {@link BenchApp#readyPath}), and to the first
 * 200 of the agent's {@code /metrics}, for four kinds of launch alternated (A B C D A B C D ...):
 * no agent, an agent that does nothing ({@link EmptyAgent}: what any {@code -javaagent} costs the
 * JVM), this agent, and this agent with {@code instrument=false} (no request metrics). As in a real
 * deployment, a readiness probe and a Prometheus waiting for {@code /metrics} both poll from the
 * launch on, at once ({@link Probe}); without the agent the {@code /metrics} probe meets a closed
 * port until the application is ready, so that every launch is asked the same. Arguments:
 * application (see {@link BenchApp}), agent jar, launches of each kind, and optionally an earlier
 * build's agent jar, launched as a fifth kind among the others: a change's effect, measured in one
 * run (two runs apart differ by more than a change does on a shared machine).
 */
public final class StartupBenchmark {
  /**
   * Both probes poll every 5 ms from the launch. A kubelet's probe or a Prometheus scrape comes
   * every few seconds, which would measure the interval, not the start; 5 ms is under 2 % of the
   * shortest start here and its phase is random across launches, alike for every kind, so that a
   * median ratio resolves the 3 % the agent is allowed. What is realistic is that both pages are
   * asked from the start, concurrently, and that the JVM serves both while it starts: the agent
   * starts at the application's first answered request (see docs/operations.md), so its start and
   * the probes' next requests overlap as they do in production.
   */
  static final long PROBE_INTERVAL_MILLIS = 5;

  private enum Kind {
    NO_AGENT("no agent"),
    EMPTY_AGENT("empty agent (the JVM's cost of any agent)"),
    AGENT("agent"),
    NO_INSTRUMENT("agent, instrument=false"),
    EARLIER_AGENT("agent, the earlier jar");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchApp app = BenchApp.of(args[0]);
    Path agentJar = Paths.get(args[1]);
    int launches = Integer.parseInt(args[2]);
    Path earlierJar = args.length > 3 ? Paths.get(args[3]) : null;
    List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
    if (earlierJar == null) {
      kinds.remove(Kind.EARLIER_AGENT);
    }
    Path emptyAgent = EmptyAgent.jar(Files.createTempDirectory("empty-agent"));
    List<List<Double>> ready = new ArrayList<>();
    List<List<Double>> metrics = new ArrayList<>();
    for (int k = 0; k < Kind.values().length; k++) {
      ready.add(new ArrayList<>());
      metrics.add(new ArrayList<>());
    }
    Jars jars = new Jars(agentJar, emptyAgent, earlierJar);
    // One untimed launch of each warms the file cache.
    for (Kind kind : kinds) {
      measure(app, kind, jars, new ArrayList<>(), new ArrayList<>());
    }
    for (int i = 0; i < launches; i++) {
      for (Kind kind : kinds) {
        measure(app, kind, jars, ready.get(kind.ordinal()), metrics.get(kind.ordinal()));
      }
    }
    System.out.println(
        "### Start-up of "
            + app.name()
            + " ("
            + launches
            + " launches of each kind, alternated; readiness "
            + app.readyPath()
            + " and /metrics both polled every "
            + PROBE_INTERVAL_MILLIS
            + " ms from the launch)");
    System.out.println();
    if (earlierJar != null) {
      System.out.println("The earlier jar: " + earlierJar + ".");
      System.out.println();
    }
    System.out.println(
        "Median ms, and in brackets p25-p75 (nearest rank) over the launches; ratios are of the"
            + " medians, and in brackets p25-p75 of each round's ratio (its launches adjacent).");
    System.out.println();
    System.out.println(
        "| launch | first 200 of "
            + app.readyPath()
            + " ms | ratio to the empty agent | ratio to no agent | first 200 of /metrics ms |");
    System.out.println("|---|---|---|---|---|");
    List<Double> none = ready.get(Kind.NO_AGENT.ordinal());
    List<Double> empty = ready.get(Kind.EMPTY_AGENT.ordinal());
    for (Kind kind : kinds) {
      List<Double> times = ready.get(kind.ordinal());
      List<Double> metricsTimes = metrics.get(kind.ordinal());
      System.out.println(
          Stats.row(
              kind.label,
              Stats.withSpread(times),
              ratio(times, empty),
              ratio(times, none),
              metricsTimes.isEmpty() ? "" : Stats.withSpread(metricsTimes)));
    }
    System.out.println();
    for (Kind kind : kinds) {
      System.out.println("raw ms, " + kind.label + ": " + ready.get(kind.ordinal()));
      if (!metrics.get(kind.ordinal()).isEmpty()) {
        System.out.println("raw ms, " + kind.label + ", /metrics: " + metrics.get(kind.ordinal()));
      }
    }
  }

  /** The ratio of the medians, with the p25-p75 of the rounds' ratios. */
  private static String ratio(List<Double> times, List<Double> base) {
    List<Double> rounds = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      rounds.add(times.get(i) / base.get(i));
    }
    return Stats.format(Stats.median(times) / Stats.median(base)) + " " + Stats.spread(rounds);
  }

  /** The agents' jars: this build's, the empty agent's, and an earlier build's or null. */
  private record Jars(Path agent, Path empty, Path earlier) {}

  private static void measure(
      BenchApp app, Kind kind, Jars jars, List<Double> ready, List<Double> metrics)
      throws Exception {
    try (Launch launch = launch(app, kind, jars)) {
      Probe readiness = Probe.start(launch, launch.readyUrl(), PROBE_INTERVAL_MILLIS);
      Probe prometheus = Probe.start(launch, launch.metricsUrl(), PROBE_INTERVAL_MILLIS);
      ready.add(readiness.awaitMillis());
      if (kind != Kind.NO_AGENT && kind != Kind.EMPTY_AGENT) {
        metrics.add(prometheus.awaitMillis());
      } else {
        prometheus.stop();
      }
    }
  }

  private static Launch launch(BenchApp app, Kind kind, Jars jars) throws IOException {
    return switch (kind) {
      case NO_AGENT -> Launch.start(app, null, true);
      case EMPTY_AGENT -> Launch.start(app, jars.empty(), false);
      case AGENT -> Launch.start(app, jars.agent(), "");
      case NO_INSTRUMENT -> Launch.start(app, jars.agent(), "instrument=false");
      case EARLIER_AGENT -> Launch.start(app, jars.earlier(), "");
    };
  }
}
