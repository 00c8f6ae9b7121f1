package io.github.statusexporter.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scrape cost: the application (see {@link BenchApp}) with the agent and default options, after
 * some traffic so that the request histogram has series. Per format, sequential scrapes on one
 * keep-alive connection after a warm-up, each {@link #PACING_GAP_MILLIS} after the last as
 * Prometheus' would be: latency percentiles, body size, samples, the JVM's CPU time and the heap
 * bytes its threads allocated per scrape (see {@link ThreadAllocations}); then scrapes per second
 * with four concurrent scrapers (wrk), which the agent paces. Given the OpenTelemetry Java agent's
 * jar as well, the same sequential scrapes of the same application with that agent and its
 * Prometheus exporter instead (text and OpenMetrics; its requests histogram after the same
 * traffic), and for both the CPU time per sample scraped. Arguments: application, agent jar,
 * scrapes per format, warm-up scrapes per format, seconds of concurrent scrapes, optionally the
 * OpenTelemetry agent's jar.
 *
 * <p>Before the formats' warm-ups, each JVM is scraped back to back in every format until its JIT
 * has compiled the scrape path ({@link #settle}; at most {@code -Dbench.settleSeconds}, 120 by
 * default): on the one CPU the application is pinned to, a compilation still under way takes its
 * milliseconds out of the scrapes beside it, and after the warm-ups alone the p99 measured that (~6
 * ms against ~2.7 ms settled, jwebserver, 2026-12-07). A long-running application scraped every 15
 * s has long compiled the path.
 */
public final class ScrapeBenchmark {
  private static final long PACING_GAP_MILLIS = 10;

  /** Scrapes back to back per check of the JIT's compilations while settling. */
  private static final int SETTLE_BLOCK = 300;

  private static final int SETTLE_MAX_SECONDS = Integer.getInteger("bench.settleSeconds", 120);

  private ScrapeBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchApp app = BenchApp.of(args[0]);
    Path agentJar = Paths.get(args[1]);
    int scrapes = Integer.parseInt(args[2]);
    int warmUp = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    Path openTelemetry = args.length > 5 ? Paths.get(args[5]) : null;
    System.out.println(
        "### Scrape cost, "
            + app.name()
            + " with the agent ("
            + scrapes
            + " sequential scrapes per format after "
            + warmUp
            + " to warm up, once the JIT has settled (scrapes back to back in every format until "
            + SETTLE_BLOCK
            + " saw no new compilation, at most "
            + SETTLE_MAX_SECONDS
            + " s)"
            + (Launch.PINNED ? "; scraper on CPU 0, application on CPU 1" : "")
            + ")");
    System.out.println();
    System.out.println(
        "| agent, format | p50 ms | p99 ms | body bytes | samples | CPU ms per scrape | CPU µs per"
            + " sample | KiB allocated per scrape | of which status-exporter's threads |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    try (Launch launch = Launch.start(app, agentJar, "")) {
      launch.millisUntilOk(launch.statusUrl());
      for (String path : app.loadPaths()) {
        Wrk.run("http://127.0.0.1:" + launch.appPort + path, 4, 1);
      }
      launch.awaitJvmMetrics();
      ThreadAllocations allocations =
          new ThreadAllocations(launch.process.pid(), Files.createTempDirectory("allocations"));
      // JFR's first start loads its classes; keep that out of the measured windows.
      allocations.start();
      allocations.stop();
      ScrapeClient client = new ScrapeClient(launch.metricsUrl());
      int samples = ScrapeClient.samples(client.scrape(ScrapeFormat.TEXT));
      List<String> settled = new ArrayList<>();
      settled.add("status-exporter: " + settle(launch, client, List.of(ScrapeFormat.values())));
      List<String> breakdowns = new ArrayList<>();
      for (ScrapeFormat format : ScrapeFormat.values()) {
        breakdowns.add(
            measure(
                launch, client, allocations, "status-exporter", format, samples, scrapes, warmUp));
      }
      if (openTelemetry != null) {
        breakdowns.addAll(measureOpenTelemetry(app, openTelemetry, scrapes, warmUp, settled));
      }
      Wrk concurrent = Wrk.run(launch.metricsUrl(), 4, seconds);
      System.out.println();
      System.out.println(
          "Four concurrent scrapers flat out, which the agent paces (wrk -t1 -c4, text 0.0.4, "
              + seconds
              + " s): "
              + Stats.format(concurrent.rate)
              + " scrapes/s, p50 "
              + Stats.format(concurrent.p50Millis)
              + " ms, p99 "
              + Stats.format(concurrent.p99Millis)
              + " ms.");
      System.out.println();
      System.out.println("JIT settled: " + String.join("; ", settled) + ".");
      System.out.println();
      System.out.println("Bytes allocated per scrape by thread:");
      breakdowns.forEach(System.out::println);
    }
  }

  /**
   * The OpenTelemetry agent's rows: the same application, traffic and scrapes, its exporter asked
   * for text and for OpenMetrics as Prometheus asks.
   */
  private static List<String> measureOpenTelemetry(
      BenchApp app, Path openTelemetry, int scrapes, int warmUp, List<String> settled)
      throws Exception {
    String name = openTelemetry.getFileName().toString().replace(".jar", "");
    try (Launch launch = Launch.startOpenTelemetry(app, openTelemetry)) {
      launch.millisUntilOk(launch.statusUrl());
      for (String path : app.loadPaths()) {
        Wrk.run("http://127.0.0.1:" + launch.appPort + path, 4, 1);
      }
      // Its exporter serves once the SDK is up; its histogram once a request was recorded.
      launch.millisUntilOk(launch.metricsUrl());
      ScrapeClient client = new ScrapeClient(launch.metricsUrl());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      byte[] body;
      while (!new String(body = client.scrape(ScrapeFormat.TEXT), StandardCharsets.UTF_8)
          .contains("http_server_request_duration_seconds_bucket")) {
        if (System.nanoTime() > deadline) {
          throw new IOException(name + " has no http_server_request_duration_seconds after 30 s");
        }
        Thread.sleep(100);
      }
      int samples = ScrapeClient.samples(body);
      ThreadAllocations allocations =
          new ThreadAllocations(launch.process.pid(), Files.createTempDirectory("allocations"));
      allocations.start();
      allocations.stop();
      List<ScrapeFormat> formats = List.of(ScrapeFormat.TEXT, ScrapeFormat.OPENMETRICS_GZIP);
      settled.add(name + ": " + settle(launch, client, formats));
      List<String> breakdowns = new ArrayList<>();
      for (ScrapeFormat format : formats) {
        breakdowns.add(
            measure(launch, client, allocations, name, format, samples, scrapes, warmUp));
      }
      return breakdowns;
    }
  }

  /**
   * Scrapes back to back, the formats in turn, until a block of {@link #SETTLE_BLOCK} scrapes saw
   * no new JIT compilation in the JVM (its perf counter {@code sun.ci.totalCompiles}), or {@link
   * #SETTLE_MAX_SECONDS} have passed. Returns what it took.
   */
  private static String settle(Launch launch, ScrapeClient client, List<ScrapeFormat> formats)
      throws Exception {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(SETTLE_MAX_SECONDS);
    long first;
    try {
      first = Jcmd.compilations(launch.process.pid());
    } catch (IOException e) {
      return "not settled: the JVM has no perf counters (" + e.getMessage() + ")";
    }
    long last = first;
    int scraped = 0;
    boolean quiet = false;
    while (!quiet && System.nanoTime() < deadline) {
      int block = 0;
      for (; block < SETTLE_BLOCK && System.nanoTime() < deadline; block++) {
        client.scrape(formats.get(block % formats.size()));
      }
      scraped += block;
      long now = Jcmd.compilations(launch.process.pid());
      quiet = now == last && block == SETTLE_BLOCK; // a block cut short by the limit says nothing
      last = now;
    }
    return scraped
        + " scrapes in "
        + Stats.format((System.nanoTime() - start) / 1e9)
        + " s, "
        + (last - first)
        + " compilations"
        + (quiet ? "" : ", still compiling at the limit");
  }

  /**
   * One row of the table; returns the allocations by thread for the raw lines. {@code samples} are
   * those of a text scrape of the same JVM (every line that is not a comment), the same series in
   * every format.
   */
  private static String measure(
      Launch launch,
      ScrapeClient client,
      ThreadAllocations allocations,
      String agent,
      ScrapeFormat format,
      int samples,
      int scrapes,
      int warmUp)
      throws Exception {
    byte[] body = null;
    for (int i = 0; i < warmUp; i++) {
      body = client.scrape(format);
    }
    List<Double> millis = new ArrayList<>(scrapes);
    allocations.start();
    double cpuBefore = launch.cpuSeconds();
    for (int i = 0; i < scrapes; i++) {
      long start = System.nanoTime();
      body = client.scrape(format);
      millis.add((System.nanoTime() - start) / 1e6);
      // Apart, as Prometheus scrapes: back to back, a scrape would wait for the agent's pacing of
      // renderings (a few ms), which bounds floods and is measured by AttackBenchmark instead.
      Thread.sleep(PACING_GAP_MILLIS);
    }
    double cpu = launch.cpuSeconds() - cpuBefore;
    Map<String, Long> allocated = allocations.stop();
    long total = 0;
    long ours = 0;
    StringBuilder byThread = new StringBuilder("- " + agent + ", " + format.label + ":");
    for (Map.Entry<String, Long> thread : allocated.entrySet()) {
      total += thread.getValue();
      ours += thread.getKey().startsWith("status-exporter-") ? thread.getValue() : 0;
      if (thread.getValue() >= scrapes) {
        byThread
            .append(' ')
            .append(thread.getKey())
            .append(' ')
            .append(thread.getValue() / scrapes);
      }
    }
    System.out.println(
        Stats.row(
            agent + ", " + format.label,
            Stats.format(Stats.median(millis)),
            Stats.format(Stats.percentile(millis, 99)),
            String.valueOf(body.length),
            String.valueOf(samples),
            Stats.format(cpu * 1000 / scrapes),
            Stats.format(cpu * 1e6 / scrapes / samples),
            Stats.format(total / 1024.0 / scrapes),
            Stats.format(ours / 1024.0 / scrapes)));
    return byThread.toString();
  }
}
