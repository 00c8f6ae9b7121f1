package io.github.statusexporter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up cost: wall time from launching {@code java} to the application's first 200 of its status
 * page (for Spring Boot, of a controller's page: see {@link BenchApp#readyPath}), without and with
 * the agent, launches alternated (A B A B ...), and with the agent the time to the first 200 of
 * {@code /metrics}. Arguments: application (see {@link BenchApp}), agent jar, launches.
 */
public final class StartupBenchmark {
  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchApp app = BenchApp.of(args[0]);
    Path agentJar = Paths.get(args[1]);
    int launches = Integer.parseInt(args[2]);
    Path emptyAgent = EmptyAgent.jar(Files.createTempDirectory("empty-agent"));
    // One untimed launch of each warms the file cache.
    measure(app, null, new ArrayList<>(), null);
    measure(app, emptyAgent, new ArrayList<>(), null);
    measure(app, agentJar, new ArrayList<>(), new ArrayList<>());

    List<Double> plain = new ArrayList<>();
    List<Double> empty = new ArrayList<>();
    List<Double> withAgent = new ArrayList<>();
    List<Double> metrics = new ArrayList<>();
    for (int i = 0; i < launches; i++) {
      measure(app, null, plain, null);
      measure(app, emptyAgent, empty, null);
      measure(app, agentJar, withAgent, metrics);
    }
    double plainMedian = Stats.median(plain);
    double emptyMedian = Stats.median(empty);
    double agentMedian = Stats.median(withAgent);
    double metricsMedian = Stats.median(metrics);
    System.out.println(
        "### Start-up of " + app.name() + " (" + launches + " launches each, alternated, medians)");
    System.out.println();
    System.out.println("| figure | ms | ratio to no-agent status page |");
    System.out.println("|---|---|---|");
    System.out.println(
        "| first 200 of "
            + app.readyPath()
            + ", no agent | "
            + Stats.format(plainMedian)
            + " | 1 |");
    System.out.println(
        "| first 200 of "
            + app.readyPath()
            + ", with an empty agent (the JVM's cost of any agent) | "
            + Stats.format(emptyMedian)
            + " | "
            + Stats.format(emptyMedian / plainMedian)
            + " |");
    System.out.println(
        "| first 200 of "
            + app.readyPath()
            + ", with agent | "
            + Stats.format(agentMedian)
            + " | "
            + Stats.format(agentMedian / plainMedian)
            + " |");
    System.out.println(
        "| first 200 of /metrics, with agent | "
            + Stats.format(metricsMedian)
            + " | "
            + Stats.format(metricsMedian / plainMedian)
            + " |");
    System.out.println();
    System.out.println("raw ms, no agent: " + plain);
    System.out.println("raw ms, empty agent: " + empty);
    System.out.println("raw ms, agent /status: " + withAgent);
    System.out.println("raw ms, agent /metrics: " + metrics);
  }

  private static void measure(
      BenchApp app, Path agentJar, List<Double> status, List<Double> metrics) throws Exception {
    try (Launch launch = Launch.start(app, agentJar, agentJar == null || metrics != null)) {
      status.add(launch.millisUntilOk(launch.readyUrl()));
      if (metrics != null) {
        metrics.add(launch.millisUntilOk(launch.metricsUrl()));
      }
    }
  }
}
