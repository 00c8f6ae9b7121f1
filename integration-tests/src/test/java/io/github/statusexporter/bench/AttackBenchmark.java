package io.github.statusexporter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Under attack: the demo app with the agent, each figure without and with hostile scrapers in the
 * same run (wrk, each client sending its next scrape as soon as it has the last, OpenMetrics with
 * gzip as Prometheus asks). (1) The application's throughput under wrk while 50 clients scrape, as
 * a ratio to the same JVM without them, runs alternated, the application on CPU 1 when pinned. (2)
 * The JVM's CPU while 5 clients scrape, minus its CPU when idle, not pinned. (3) At {@code
 * -Xmx256m}, with a status source of 250,000 entries (see {@link HostileStatus}), whether the JVM
 * survives 16 concurrent scrapers, and its status page's p99 latency then against before. Figures
 * do not gate. Arguments: application, agent jar, rounds, seconds per run.
 */
public final class AttackBenchmark {
  private static final int CONNECTIONS = 16;
  private static final int FLOOD_SCRAPERS = 50;
  private static final int CPU_SCRAPERS = 5;
  private static final int MEMORY_SCRAPERS = 16;
  private static final int HOSTILE_ENTRIES = 250_000;
  private static final int PROBES_PER_SECOND = 50;
  private static final ScrapeFormat FORMAT = ScrapeFormat.OPENMETRICS_GZIP;

  /** A flood starts this long before a measured window and ends this long after it. */
  private static final long MARGIN_MILLIS = 500;

  private static final Launch.Setup UNPINNED = new Launch.Setup(List.of(), List.of(), true, null);

  private AttackBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchApp app = BenchApp.of(args[0]);
    Path agentJar = Paths.get(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    System.out.println(
        "### Under attack: "
            + app.name()
            + " with the agent ("
            + rounds
            + " rounds of "
            + seconds
            + " s, quiet and attacked alternated in one JVM, medians; scrapers are wrk clients"
            + " asking as Prometheus does, "
            + FORMAT.label
            + ", each sending its next scrape as soon as it has the last; load average "
            + loadAverage()
            + ")");
    System.out.println();
    System.out.println("| figure | quiet | under attack | attacked / quiet | target | met |");
    System.out.println("|---|---|---|---|---|---|");
    List<String> notes = new ArrayList<>();
    throughput(app, agentJar, rounds, seconds, notes);
    cpu(app, agentJar, rounds, seconds, notes);
    memory(app, agentJar, seconds, notes);
    System.out.println();
    notes.forEach(System.out::println);
    System.out.println();
    System.out.println("Load average after this part: " + loadAverage() + ".");
  }

  /** (1) wrk on the status page, alone and while 50 clients scrape; the application pinned. */
  private static void throughput(
      BenchApp app, Path agentJar, int rounds, int seconds, List<String> notes) throws Exception {
    List<Double> quietRates = new ArrayList<>();
    List<Double> attackedRates = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<Double> quietCores = new ArrayList<>();
    List<Double> attackedCores = new ArrayList<>();
    List<Wrk> floods = new ArrayList<>();
    try (Launch launch = Launch.start(app, agentJar, "")) {
      launch.millisUntilOk(launch.statusUrl());
      launch.awaitJvmMetrics();
      String url = launch.statusUrl();
      // As in ThroughputBenchmark: the scrape path compiled first, those compilations over before
      // the measured runs. Not in a run of 1 s (the smoke run), which only proves the part works.
      int warmUp = seconds / 2;
      if (warmUp > 0) {
        Background flood = Background.flood(launch, FLOOD_SCRAPERS, warmUp);
        Wrk.run(url, CONNECTIONS, warmUp);
        flood.await();
        Wrk.run(url, CONNECTIONS, warmUp);
      }
      for (int round = 0; round < rounds; round++) {
        // Quiet then attacked, then attacked then quiet: a drift favours neither side.
        boolean quietFirst = round % 2 == 0;
        Load quiet = quietFirst ? load(launch, url, seconds) : null;
        Background flood = Background.flood(launch, FLOOD_SCRAPERS, seconds);
        Load attacked = load(launch, url, seconds);
        floods.add(flood.await());
        if (!quietFirst) {
          quiet = load(launch, url, seconds);
        }
        quietRates.add(quiet.rate());
        attackedRates.add(attacked.rate());
        ratios.add(attacked.rate() / quiet.rate());
        quietCores.add(quiet.cores());
        attackedCores.add(attacked.cores());
      }
    }
    double ratio = Stats.median(ratios);
    System.out.println(
        Stats.row(
            "status page req/s under wrk -t1 -c"
                + CONNECTIONS
                + (Launch.PINNED ? ", application on CPU 1" : "")
                + ", while "
                + FLOOD_SCRAPERS
                + " clients scrape",
            Stats.format(Stats.median(quietRates)),
            Stats.format(Stats.median(attackedRates)),
            Stats.format(ratio) + " (median of pairs)",
            ">= 0.8",
            ratio >= 0.8 ? "yes" : "no"));
    System.out.println(
        Stats.row(
            "the application JVM's CPU then, cores",
            Stats.format(Stats.median(quietCores)),
            Stats.format(Stats.median(attackedCores)),
            "",
            "",
            ""));
    notes.add(
        "- While "
            + FLOOD_SCRAPERS
            + " clients scrape: "
            + floodSummary(floods)
            + " (refused: any answer but 2xx, such as the 503 of the agent's limit on concurrent"
            + " scrapes).");
  }

  /** One wrk run on the status page: requests per second, the application's CPU cores meanwhile. */
  private record Load(double rate, double cores) {}

  private static Load load(Launch launch, String url, int seconds) throws Exception {
    double cpuBefore = launch.cpuSeconds();
    long start = System.nanoTime();
    Wrk wrk = Wrk.run(url, CONNECTIONS, seconds);
    double wall = (System.nanoTime() - start) / 1e9;
    return new Load(wrk.rate, (launch.cpuSeconds() - cpuBefore) / wall);
  }

  /** (2) The JVM's CPU while 5 clients scrape and the application is idle, minus idle. */
  private static void cpu(BenchApp app, Path agentJar, int rounds, int seconds, List<String> notes)
      throws Exception {
    List<Double> idle = new ArrayList<>();
    List<Double> attacked = new ArrayList<>();
    List<Double> added = new ArrayList<>();
    List<Wrk> floods = new ArrayList<>();
    try (Launch launch = Launch.start(app, agentJar, "", UNPINNED)) {
      launch.millisUntilOk(launch.statusUrl());
      launch.awaitJvmMetrics();
      if (seconds / 2 > 0) {
        Background.flood(launch, CPU_SCRAPERS, seconds / 2).await();
      }
      for (int round = 0; round < rounds; round++) {
        boolean quietFirst = round % 2 == 0;
        double quiet = quietFirst ? cores(launch, seconds) : 0;
        Background flood = Background.flood(launch, CPU_SCRAPERS, seconds);
        double scraped = cores(launch, seconds);
        floods.add(flood.await());
        if (!quietFirst) {
          quiet = cores(launch, seconds);
        }
        idle.add(quiet);
        attacked.add(scraped);
        added.add(scraped - quiet);
      }
    }
    double cores = Stats.median(added);
    System.out.println(
        Stats.row(
            "the application JVM's CPU, cores, while "
                + CPU_SCRAPERS
                + " clients scrape (application idle, not pinned)",
            Stats.format(Stats.median(idle)),
            Stats.format(Stats.median(attacked)),
            "+" + Stats.format(cores) + " (median of pairs)",
            "<= +0.5",
            cores <= 0.5 ? "yes" : "no"));
    double scrapesPerSecond = Stats.median(rates(floods));
    notes.add(
        "- While "
            + CPU_SCRAPERS
            + " clients scrape: "
            + floodSummary(floods)
            + "; "
            + Stats.format(cores * 1000 / scrapesPerSecond)
            + " ms of CPU per scrape answered.");
  }

  /** CPU seconds the JVM uses per wall second over {@code seconds}, read from /proc. */
  private static double cores(Launch launch, int seconds) throws Exception {
    double cpuBefore = launch.cpuSeconds();
    long start = System.nanoTime();
    TimeUnit.SECONDS.sleep(seconds);
    double wall = (System.nanoTime() - start) / 1e9;
    return (launch.cpuSeconds() - cpuBefore) / wall;
  }

  /**
   * (3) At {@code -Xmx256m}, the status source a document of 250,000 entries: the status page's
   * latency, probed at a steady rate, quiet and then while 16 clients scrape; whether the JVM
   * lives.
   */
  private static void memory(BenchApp app, Path agentJar, int seconds, List<String> notes)
      throws Exception {
    Path directory = Files.createTempDirectory("attack");
    Path output = directory.resolve("output.txt");
    Launch.Setup setup =
        new Launch.Setup(
            List.of(), List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"), false, output);
    try (HostileStatus hostile = HostileStatus.start(HOSTILE_ENTRIES, directory);
        Launch launch = Launch.start(app, agentJar, "config=" + hostile.mappingFile(), setup)) {
      launch.millisUntilOk(launch.statusUrl());
      launch.millisUntilOk(launch.metricsUrl());
      int series =
          ScrapeClient.samples(new ScrapeClient(launch.metricsUrl()).scrape(ScrapeFormat.TEXT));
      List<Double> quiet = probe(launch, seconds, null);
      long attackStart = System.nanoTime();
      CompletableFuture<Long> exit = launch.process.onExit().thenApply(ended -> System.nanoTime());
      double cpuBefore = launch.cpuSeconds();
      Background flood = Background.flood(launch, MEMORY_SCRAPERS, seconds);
      List<Double> attacked = probe(launch, seconds, notes);
      String cores = attackCores(launch, cpuBefore, attackStart);
      Wrk scrapes = flood.await();
      Thread.sleep(MARGIN_MILLIS); // an OutOfMemoryError at the very end still ends the JVM
      boolean alive = launch.process.isAlive();
      String error =
          Files.readAllLines(output).stream()
              .filter(line -> line.contains("OutOfMemoryError"))
              .findFirst()
              .orElse(null);
      boolean survived = alive && error == null;
      System.out.println(
          Stats.row(
              "the application at -Xmx256m while "
                  + MEMORY_SCRAPERS
                  + " clients scrape a source of "
                  + String.format(Locale.ROOT, "%,d", HOSTILE_ENTRIES)
                  + " entries (not pinned)",
              "alive",
              (alive
                      ? "alive"
                      : String.format(
                          Locale.ROOT,
                          "exited with %d after %.1f s",
                          launch.process.exitValue(),
                          (exit.get() - attackStart) / 1e9))
                  + (error == null ? "" : ": " + error.trim()),
              "",
              "no OutOfMemoryError",
              survived ? "yes" : "no"));
      double quietP99 = Stats.percentile(quiet, 99);
      double attackedP99 = attacked.isEmpty() ? Double.NaN : Stats.percentile(attacked, 99);
      System.out.println(
          Stats.row(
              "its status page's p99 latency then, ms (probed "
                  + PROBES_PER_SECOND
                  + " times a second)",
              Stats.format(quietP99),
              attacked.isEmpty() ? "no answer" : Stats.format(attackedP99),
              attacked.isEmpty() ? "" : Stats.format(attackedP99 / quietP99),
              "<= 2",
              attackedP99 / quietP99 <= 2 ? "yes" : "no"));
      notes.add(
          "- At -Xmx256m: "
              + series
              + " samples in one text scrape of the hostile source; while "
              + MEMORY_SCRAPERS
              + " clients scrape: "
              + floodSummary(List.of(scrapes))
              + (alive
                  ? cores + "; peak resident memory " + launch.peakResidentKib() / 1024 + " MiB"
                  : "")
              + ".");
    }
  }

  /**
   * The JVM's cores during the attack, for a note: a JVM that lives through it near its heap's
   * limit shows it in its collector's CPU. Empty when the JVM has gone.
   */
  private static String attackCores(Launch launch, double cpuBefore, long startNanos) {
    try {
      double cpu = launch.cpuSeconds() - cpuBefore;
      return "; the JVM used "
          + Stats.format(cpu / ((System.nanoTime() - startNanos) / 1e9))
          + " cores during the attack";
    } catch (IOException gone) {
      return "";
    }
  }

  /**
   * The status page's latencies over {@code seconds}, probed at a steady rate; empty when the probe
   * failed, which {@code notes} then tells.
   */
  private static List<Double> probe(Launch launch, int seconds, List<String> notes)
      throws Exception {
    ScrapeLoop probe = new ScrapeLoop(launch.statusUrl(), ScrapeFormat.TEXT, PROBES_PER_SECOND);
    TimeUnit.SECONDS.sleep(seconds);
    try {
      return probe.stop();
    } catch (IOException e) {
      if (notes == null) {
        throw e;
      }
      notes.add("- The status page probe failed during the attack: " + e.getMessage());
      return List.of();
    }
  }

  private static String floodSummary(List<Wrk> floods) {
    List<Double> refused = new ArrayList<>();
    List<Double> p50 = new ArrayList<>();
    List<Double> p99 = new ArrayList<>();
    long errors = 0;
    for (Wrk flood : floods) {
      refused.add(flood.requests == 0 ? 0 : flood.rate * flood.refused / flood.requests);
      p50.add(flood.p50Millis);
      p99.add(flood.p99Millis);
      errors += flood.socketErrors;
    }
    return Stats.format(Stats.median(rates(floods)))
        + " scrapes answered per second, of which "
        + Stats.format(Stats.median(refused))
        + "/s refused; p50 "
        + Stats.format(Stats.median(p50))
        + " ms, p99 "
        + Stats.format(Stats.median(p99))
        + " ms; "
        + errors
        + " connections closed or failed (wrk's socket errors)";
  }

  private static List<Double> rates(List<Wrk> floods) {
    List<Double> rates = new ArrayList<>();
    floods.forEach(flood -> rates.add(flood.rate));
    return rates;
  }

  private static String loadAverage() throws IOException {
    String[] fields = Files.readString(Paths.get("/proc/loadavg")).split(" ");
    return String.join(" ", fields[0], fields[1], fields[2]);
  }

  /** A flood of scrapes on a thread of its own, around a measured window of {@code seconds}. */
  private static final class Background {
    private final FutureTask<Wrk> task;

    private Background(FutureTask<Wrk> task) {
      this.task = task;
    }

    /** Starts the flood and returns once it has run for a moment. */
    static Background flood(Launch launch, int clients, int seconds) throws InterruptedException {
      // wrk runs whole seconds: one more than the window, half of it before and half after.
      FutureTask<Wrk> task =
          new FutureTask<>(() -> Wrk.flood(launch.metricsUrl(), FORMAT, clients, seconds + 1));
      Thread thread = new Thread(task, "scrape-flood");
      thread.setDaemon(true);
      thread.start();
      Thread.sleep(MARGIN_MILLIS);
      return new Background(task);
    }

    Wrk await() throws Exception {
      return task.get();
    }
  }
}
