package io.github.statusexporter.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-request cost: an application (see {@link BenchApp}) under wrk, without and with the agent
 * (request metrics on), rounds alternated; throughput and the application's CPU time per request,
 * as ratios. Arguments: application, agent jar, rounds, seconds per run.
 */
public final class ThroughputBenchmark {
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern P99 = Pattern.compile("99%\\s+([\\d.]+)(us|ms|s)");

  private ThroughputBenchmark() {}

  /** One wrk run: requests per second, application CPU microseconds per request, p99 ms. */
  static final class Run {
    final double rate;
    final double cpuMicrosPerRequest;
    final double p99Millis;

    Run(double rate, double cpuMicrosPerRequest, double p99Millis) {
      this.rate = rate;
      this.cpuMicrosPerRequest = cpuMicrosPerRequest;
      this.p99Millis = p99Millis;
    }
  }

  public static void main(String[] args) throws Exception {
    BenchApp app = BenchApp.of(args[0]);
    Path agentJar = Paths.get(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    List<String> paths =
        args.length > 4
            ? List.of(args[4].split(","))
            : app.servlet() ? List.of("/shop/hello") : List.of("/status", "/work?ms=0");
    System.out.println(
        "### Throughput of "
            + app.name()
            + " under wrk ("
            + rounds
            + " rounds of "
            + seconds
            + " s, alternated, medians; wrk -t1 -c16"
            + (Launch.PINNED ? "; wrk on CPU 0, application on CPU 1" : "")
            + ")");
    System.out.println();
    System.out.println(
        "| path | req/s no agent | req/s agent | ratio (median of pairs) | CPU µs/req no agent"
            + " | CPU µs/req agent | ratio (median of pairs) | p99 ms no agent | p99 ms agent |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (String path : paths) {
      Map<String, List<Run>> runs = new LinkedHashMap<>();
      runs.put("plain", new ArrayList<>());
      runs.put("agent", new ArrayList<>());
      for (int round = 0; round < rounds; round++) {
        runs.get("plain").add(run(app, null, path, seconds));
        runs.get("agent").add(run(app, agentJar, path, seconds));
      }
      double plainRate = Stats.median(rates(runs.get("plain")));
      double agentRate = Stats.median(rates(runs.get("agent")));
      double plainCpu = Stats.median(cpu(runs.get("plain")));
      double agentCpu = Stats.median(cpu(runs.get("agent")));
      // Ratios of each round's pair, then their median: drift between rounds cancels out.
      List<Double> rateRatios = new ArrayList<>();
      List<Double> cpuRatios = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        Run plain = runs.get("plain").get(round);
        Run agent = runs.get("agent").get(round);
        rateRatios.add(agent.rate / plain.rate);
        cpuRatios.add(agent.cpuMicrosPerRequest / plain.cpuMicrosPerRequest);
      }
      System.out.println(
          "| "
              + path
              + " | "
              + Stats.format(plainRate)
              + " | "
              + Stats.format(agentRate)
              + " | "
              + Stats.format(Stats.median(rateRatios))
              + " | "
              + Stats.format(plainCpu)
              + " | "
              + Stats.format(agentCpu)
              + " | "
              + Stats.format(Stats.median(cpuRatios))
              + " | "
              + Stats.format(Stats.median(p99(runs.get("plain"))))
              + " | "
              + Stats.format(Stats.median(p99(runs.get("agent"))))
              + " |");
    }
  }

  private static Run run(BenchApp app, Path agentJar, String path, int seconds) throws Exception {
    try (Launch launch = Launch.start(app, agentJar, "")) {
      launch.millisUntilOk(launch.statusUrl());
      String url = "http://127.0.0.1:" + launch.appPort + path;
      wrk(url, Math.max(1, seconds / 2)); // warm-up: JIT, connection pools
      wrk(url, Math.max(1, seconds / 2));
      double cpuBefore = launch.cpuSeconds();
      String output = wrk(url, seconds);
      double cpu = launch.cpuSeconds() - cpuBefore;
      long requests = Long.parseLong(find(REQUESTS, output));
      return new Run(
          Double.parseDouble(find(RATE, output)), cpu * 1e6 / requests, p99Millis(output));
    }
  }

  private static String wrk(String url, int seconds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(Launch.LOAD_PINNING);
    command.addAll(List.of("wrk", "-t1", "-c16", "-d" + seconds + "s", "--latency", url));
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      throw new IOException("wrk failed: " + output);
    }
    return output;
  }

  private static String find(Pattern pattern, String output) throws IOException {
    Matcher matcher = pattern.matcher(output);
    if (!matcher.find()) {
      throw new IOException("unexpected wrk output: " + output);
    }
    return matcher.group(1);
  }

  private static double p99Millis(String output) throws IOException {
    Matcher matcher = P99.matcher(output);
    if (!matcher.find()) {
      throw new IOException("no p99 in wrk output: " + output);
    }
    double value = Double.parseDouble(matcher.group(1));
    switch (matcher.group(2)) {
      case "us":
        return value / 1000;
      case "s":
        return value * 1000;
      default:
        return value;
    }
  }

  private static List<Double> rates(List<Run> runs) {
    List<Double> values = new ArrayList<>();
    runs.forEach(run -> values.add(run.rate));
    return values;
  }

  private static List<Double> cpu(List<Run> runs) {
    List<Double> values = new ArrayList<>();
    runs.forEach(run -> values.add(run.cpuMicrosPerRequest));
    return values;
  }

  private static List<Double> p99(List<Run> runs) {
    List<Double> values = new ArrayList<>();
    runs.forEach(run -> values.add(run.p99Millis));
    return values;
  }
}
