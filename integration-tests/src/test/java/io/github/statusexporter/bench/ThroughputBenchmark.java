package io.github.statusexporter.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Per-request cost: an application (see {@link BenchApp}) under wrk, without and with the agent
 * (request metrics on), rounds alternated (A B, B A, ...); throughput and the application's CPU
 * time per request, as ratios. Each launch with the agent then runs wrk once more while a scraper
 * reads {@code /metrics} a few times a second, as Prometheus would (far more often than its usual
 * 15 s), so that the scrapes' share shows. Arguments: application, agent jar, rounds, seconds per
 * run, scrapes per second while scraped, and optionally the paths (comma-separated).
 */
public final class ThroughputBenchmark {
  private static final int CONNECTIONS = 16;

  /**
   * Options for the agent beyond port and source, to find where a cost comes from: {@code
   * -Dbench.agentOptions=instrument=false} measures the agent without its request metrics.
   */
  private static final String AGENT_OPTIONS = System.getProperty("bench.agentOptions", "");

  private ThroughputBenchmark() {}

  /** One wrk run: requests per second, application CPU microseconds per request, p99 ms. */
  static final class Run {
    final double rate;
    final double cpuMicrosPerRequest;
    final double p99Millis;

    Run(Wrk wrk, double cpuSeconds) {
      this.rate = wrk.rate;
      this.cpuMicrosPerRequest = cpuSeconds * 1e6 / wrk.requests;
      this.p99Millis = wrk.p99Millis;
    }
  }

  public static void main(String[] args) throws Exception {
    BenchApp app = BenchApp.of(args[0]);
    Path agentJar = Paths.get(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int scrapesPerSecond = Integer.parseInt(args[4]);
    List<String> paths = args.length > 5 ? List.of(args[5].split(",")) : app.loadPaths();
    System.out.println(
        "### Throughput of "
            + app.name()
            + " under wrk ("
            + rounds
            + " rounds of "
            + seconds
            + " s, alternated, medians; wrk -t1 -c"
            + CONNECTIONS
            + (Launch.PINNED ? "; wrk on CPU 0, application on CPU 1" : "")
            + (AGENT_OPTIONS.isEmpty() ? "" : "; agent options " + AGENT_OPTIONS)
            + ")");
    System.out.println();
    System.out.println(
        "| path | req/s no agent | req/s agent | ratio (median of pairs) | CPU µs/req no agent"
            + " | CPU µs/req agent | ratio (median of pairs) | p99 ms no agent | p99 ms agent |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    List<Double> scrapeMillis = new ArrayList<>();
    for (String path : paths) {
      List<Run> plain = new ArrayList<>();
      List<Run> agent = new ArrayList<>();
      List<Run> scraped = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        // A B, then B A: a drift of the machine within a round favours neither side.
        boolean agentFirst = round % 2 == 1;
        if (!agentFirst) {
          plain.add(run(app, null, path, seconds, 0, scrapeMillis).get(0));
        }
        List<Run> agentRuns = run(app, agentJar, path, seconds, scrapesPerSecond, scrapeMillis);
        agent.add(agentRuns.get(0));
        scraped.add(agentRuns.get(1));
        if (agentFirst) {
          plain.add(run(app, null, path, seconds, 0, scrapeMillis).get(0));
        }
      }
      row(path, plain, agent);
      row(path + ", scraped " + scrapesPerSecond + "/s", plain, scraped);
    }
    System.out.println();
    System.out.println(
        "Scrapes during the scraped runs (OpenMetrics, gzip, as Prometheus asks): "
            + scrapeMillis.size()
            + ", p50 "
            + Stats.format(Stats.median(scrapeMillis))
            + " ms, p99 "
            + Stats.format(Stats.percentile(scrapeMillis, 99))
            + " ms.");
  }

  /**
   * One launch: warm-ups, then one measured run; with the agent, a second one while scraped. With
   * the agent the first warm-up is scraped, so that the scrape path is compiled as in a
   * long-running app, and the second is not, so that those compilations are over before the quiet
   * run: compiled during it, on the application's one CPU, they measured up to 1.26 times the CPU
   * per request of the plain application, and 1.08 in the scraped run that followed.
   */
  private static List<Run> run(
      BenchApp app,
      Path agentJar,
      String path,
      int seconds,
      int scrapesPerSecond,
      List<Double> scrapeMillis)
      throws Exception {
    try (Launch launch = Launch.start(app, agentJar, AGENT_OPTIONS)) {
      launch.millisUntilOk(launch.statusUrl());
      String url = "http://127.0.0.1:" + launch.appPort + path;
      int warmUp = Math.max(1, seconds / 2);
      List<Run> runs = new ArrayList<>();
      if (agentJar == null) {
        Wrk.run(url, CONNECTIONS, warmUp); // JIT, connection pools
        Wrk.run(url, CONNECTIONS, warmUp);
        runs.add(measure(launch, url, seconds));
        return runs;
      }
      launch.awaitJvmMetrics();
      ScrapeLoop warmUpScrapes = new ScrapeLoop(launch.metricsUrl(), scrapesPerSecond);
      Wrk.run(url, CONNECTIONS, warmUp);
      warmUpScrapes.stop();
      Wrk.run(url, CONNECTIONS, warmUp);
      runs.add(measure(launch, url, seconds));
      ScrapeLoop scrapes = new ScrapeLoop(launch.metricsUrl(), scrapesPerSecond);
      try {
        runs.add(measure(launch, url, seconds));
      } finally {
        scrapeMillis.addAll(scrapes.stop());
      }
      return runs;
    }
  }

  private static Run measure(Launch launch, String url, int seconds) throws Exception {
    double cpuBefore = launch.cpuSeconds();
    Wrk wrk = Wrk.run(url, CONNECTIONS, seconds);
    return new Run(wrk, launch.cpuSeconds() - cpuBefore);
  }

  /** Ratios of each round's pair, then their median: drift between rounds cancels out. */
  private static void row(String label, List<Run> plain, List<Run> agent) {
    List<Double> rateRatios = new ArrayList<>();
    List<Double> cpuRatios = new ArrayList<>();
    for (int round = 0; round < plain.size(); round++) {
      rateRatios.add(agent.get(round).rate / plain.get(round).rate);
      cpuRatios.add(agent.get(round).cpuMicrosPerRequest / plain.get(round).cpuMicrosPerRequest);
    }
    System.out.println(
        Stats.row(
            label,
            Stats.format(median(plain, run -> run.rate)),
            Stats.format(median(agent, run -> run.rate)),
            Stats.format(Stats.median(rateRatios)),
            Stats.format(median(plain, run -> run.cpuMicrosPerRequest)),
            Stats.format(median(agent, run -> run.cpuMicrosPerRequest)),
            Stats.format(Stats.median(cpuRatios)),
            Stats.format(median(plain, run -> run.p99Millis)),
            Stats.format(median(agent, run -> run.p99Millis))));
  }

  private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
    List<Double> values = new ArrayList<>();
    runs.forEach(run -> values.add(figure.applyAsDouble(run)));
    return Stats.median(values);
  }
}
