package io.github.statusexporter.bench;

import io.github.statusexporter.it.Directories;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Issue 20's target, measured: the cost of a scrape of this agent beside jmx_exporter 1.0.1's, both
 * given the same configuration file in jmx_exporter's agent argument ({@code
 * -javaagent:jmx_prometheus_javaagent.jar=P1:config.yaml
 * -javaagent:status-exporter.jar=P2:config.yaml}) in ONE JVM, so that both read the same MBeans on
 * the same JIT and heap. After a warm-up of each, blocks of sequential scrapes of one then the
 * other, alternated (ABBA...), each block inside its own window of {@link ThreadAllocations}: per
 * exporter the latency percentiles, the process's CPU time and the heap bytes allocated per scrape,
 * by the whole JVM and by the exporter's own threads (its HTTP threads and the JDK server's
 * dispatchers: the other exporter's and the application's threads are idle in the window, and the
 * JVM total shows what they still did), then the ratios of ours to jmx_exporter's beside the
 * issue's targets.
 *
 * <p>Arguments: {@code demo} and the demo app's jar, or {@code tomcat} and Tomcat's unpacked
 * distribution (started with {@code bin/catalina.sh run}, as {@link Distribution} does); the
 * configuration file, or {@code catch-all} for jmx_exporter's {@code rules: [pattern: ".*"]}; this
 * agent's jar; jmx_exporter's agent jar; blocks per exporter; scrapes per block; warm-up scrapes
 * per exporter. {@code -Dbench.format=OPENMETRICS_GZIP} scrapes as Prometheus asks by default
 * instead of as curl does (text 0.0.4, uncompressed).
 */
public final class JmxExporterScrapeBenchmark {
  /**
   * The least gap between two scrapes, as in {@link ScrapeBenchmark}; after a slow scrape the gap
   * is three times its time more: this agent paces its renderings (a rendering starts only once the
   * last is over by three times its CPU time, see SharedRenderings), which bounds floods but would
   * otherwise add a wait to scrapes closer together than Prometheus' ever are (15 s).
   */
  private static final long MIN_GAP_MILLIS = 10;

  private static final ScrapeFormat FORMAT =
      ScrapeFormat.valueOf(System.getProperty("bench.format", "TEXT"));

  /** Families that are not the configuration's JMX series: JVM, request and self metrics. */
  private static final List<String> NOT_JMX_RULES =
      List.of("jvm_", "process_", "jmx_", "http_server_", "status_exporter_");

  /**
   * Flags for the measured JVM before the agents', space-separated, from {@code -Dbench.jvmFlags}:
   * {@code -XX:StartFlightRecording:settings=profile,filename=scrapes.jfr} profiles both exporters'
   * scrapes, told apart by thread ({@code jfr print --events jdk.ObjectAllocationSample}).
   */
  private static final List<String> EXTRA_FLAGS =
      System.getProperty("bench.jvmFlags", "").isBlank()
          ? List.of()
          : List.of(System.getProperty("bench.jvmFlags").trim().split("\\s+"));

  private JmxExporterScrapeBenchmark() {}

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    Path target = Paths.get(args[1]).toAbsolutePath();
    Path work = Files.createTempDirectory("jmx-exporter-scrapes");
    Path config = config(args[2], work);
    Path ours = Paths.get(args[3]).toAbsolutePath();
    Path theirs = Paths.get(args[4]).toAbsolutePath();
    int blocks = Integer.parseInt(args[5]);
    int scrapes = Integer.parseInt(args[6]);
    int warmUp = Integer.parseInt(args[7]);
    Exporter jmxExporter =
        new Exporter(
            "jmx_exporter 1.0.1", Ports.free(), name -> name.startsWith("prometheus-http-"));
    Exporter statusExporter =
        new Exporter("status-exporter", Ports.free(), name -> name.startsWith("status-exporter-"));
    List<String> flags = new ArrayList<>(EXTRA_FLAGS);
    flags.addAll(
        List.of(
            // Both exporters serve on the JDK's server, which then waits on delayed ACKs between
            // a response's head and body (Nagle's algorithm): tens of ms per scrape that are
            // neither's cost. The demo app sets it too, but after the agents' servers read it.
            "-Dsun.net.httpserver.nodelay=true",
            "-javaagent:" + theirs + "=" + jmxExporter.port + ":" + config,
            "-javaagent:" + ours + "=" + statusExporter.port + ":" + config));
    System.out.println(
        "### Scrape cost beside jmx_exporter 1.0.1, "
            + (kind.equals("demo") ? "the demo app" : "Tomcat's distribution (catalina.sh run)")
            + " with "
            + (args[2].equals("catch-all") ? "its catch-all rules" : config.getFileName())
            + " ("
            + FORMAT.label
            + "; one JVM with both agents; "
            + blocks
            + " blocks of "
            + scrapes
            + " sequential scrapes of each, alternated, after "
            + warmUp
            + " to warm up; -Dsun.net.httpserver.nodelay=true"
            + (Launch.PINNED ? "; scraper on CPU 0, application on CPU 1" : "")
            + ")");
    System.out.println();
    Path log = work.resolve("jvm.log");
    Process jvm = null;
    try {
      jvm = kind.equals("demo") ? demo(target, flags, log) : tomcat(target, flags, work, log);
      jmxExporter.awaitSeries(jvm, log);
      statusExporter.awaitSeries(jvm, log);
      ThreadAllocations allocations = new ThreadAllocations(jvm.pid(), work);
      // JFR's first start loads its classes; keep that out of the measured windows.
      allocations.start();
      allocations.stop();
      for (int i = 0; i < warmUp; i++) {
        jmxExporter.scrape();
        statusExporter.scrape();
      }
      for (int block = 0; block < blocks; block++) {
        List<Exporter> order =
            block % 2 == 0
                ? List.of(jmxExporter, statusExporter)
                : List.of(statusExporter, jmxExporter);
        for (Exporter exporter : order) {
          exporter.measureBlock(jvm, allocations, scrapes);
        }
      }
      print(jmxExporter, statusExporter);
    } finally {
      if (jvm != null) {
        stop(jvm);
      }
      Directories.delete(work);
    }
  }

  private static Path config(String argument, Path work) throws IOException {
    if (!argument.equals("catch-all")) {
      return Paths.get(argument).toAbsolutePath();
    }
    return Files.writeString(work.resolve("catch-all.yaml"), "rules:\n- pattern: \".*\"\n");
  }

  /** The demo app with both agents, after a few requests so that request metrics have series. */
  private static Process demo(Path jar, List<String> flags, Path log) throws Exception {
    BenchApp app = BenchApp.of(jar.toString());
    Launch launch =
        Launch.start(app, null, "", new Launch.Setup(Launch.CPU_PINNING, flags, false, log));
    try {
      launch.millisUntilOk(launch.statusUrl());
      for (String path : app.loadPaths()) {
        request("http://127.0.0.1:" + launch.appPort + path, 20);
      }
    } catch (IOException | RuntimeException e) {
      launch.close();
      throw new IOException(e.getMessage() + "; the JVM's output:\n" + Files.readString(log), e);
    }
    return launch.process;
  }

  /**
   * Tomcat's distribution with both agents (the flags) in {@code CATALINA_OPTS}, started with
   * {@code catalina.sh run} (which execs the JVM: the process is the JVM), after a few requests to
   * its bundled applications so that their MBeans and request metrics have counts.
   */
  private static Process tomcat(Path home, List<String> flags, Path work, Path log)
      throws Exception {
    int port = Ports.free();
    Path base = Distribution.TOMCAT.prepare(home, work);
    ProcessBuilder builder = Distribution.TOMCAT.command(home, base, null, "", port);
    builder.environment().put("CATALINA_OPTS", String.join(" ", flags));
    List<String> command = new ArrayList<>(Launch.CPU_PINNING);
    command.addAll(builder.command());
    Process process =
        builder.command(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      String root = "http://127.0.0.1:" + port;
      awaitOk(process, root + "/", log);
      for (String path : List.of("/", "/docs/", "/examples/servlets/servlet/HelloWorldExample")) {
        request(root + path, 20);
      }
    } catch (IOException | RuntimeException e) {
      stop(process);
      throw e;
    }
    return process;
  }

  private static void request(String url, int times) throws IOException {
    for (int i = 0; i < times; i++) {
      HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
      connection.setReadTimeout(30_000);
      if (connection.getResponseCode() != 200) {
        throw new IOException(url + " answered " + connection.getResponseCode());
      }
      connection.getInputStream().readAllBytes();
    }
  }

  private static void awaitOk(Process process, String url, Path log)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      try {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setConnectTimeout(200);
        connection.setReadTimeout(30_000);
        if (connection.getResponseCode() == 200) {
          connection.getInputStream().readAllBytes();
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (!process.isAlive()) {
        throw new IOException(
            "the JVM exited with "
                + process.exitValue()
                + "; its output:\n"
                + Files.readString(log));
      }
      Thread.sleep(20);
    }
    throw new IOException(
        url + " did not answer within 120 s; the JVM's output:\n" + Files.readString(log));
  }

  private static void print(Exporter theirs, Exporter ours) {
    System.out.println(
        "| exporter | p50 ms | p99 ms | CPU ms per scrape | KiB allocated per scrape, whole JVM"
            + " | of which the exporter's threads | body bytes | samples | JMX samples |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (Exporter exporter : List.of(theirs, ours)) {
      System.out.println(
          Stats.row(
              exporter.name,
              Stats.format(Stats.median(exporter.millis)),
              Stats.format(Stats.percentile(exporter.millis, 99)),
              Stats.format(exporter.cpuMillisPerScrape()),
              Stats.format(exporter.jvmBytesPerScrape() / 1024),
              Stats.format(exporter.ownBytesPerScrape() / 1024),
              String.valueOf(exporter.body.length),
              String.valueOf(exporter.samples),
              String.valueOf(exporter.jmxSamples)));
    }
    System.out.println(
        Stats.row(
            "ours / jmx_exporter's (target)",
            ratio(Stats.median(ours.millis), Stats.median(theirs.millis), 0.33),
            ratio(Stats.percentile(ours.millis, 99), Stats.percentile(theirs.millis, 99), 0.33),
            ratio(ours.cpuMillisPerScrape(), theirs.cpuMillisPerScrape(), 0.33),
            ratio(ours.jvmBytesPerScrape(), theirs.jvmBytesPerScrape(), 0.10),
            ratio(ours.ownBytesPerScrape(), theirs.ownBytesPerScrape(), 0.10),
            "",
            "",
            ""));
    System.out.println();
    printSeriesDifference(theirs, ours);
    System.out.println();
    System.out.println("Bytes allocated per scrape by thread, in each exporter's blocks:");
    for (Exporter exporter : List.of(theirs, ours)) {
      StringBuilder line = new StringBuilder("- " + exporter.name + ":");
      exporter.byThread.forEach(
          (thread, bytes) -> {
            if (bytes >= exporter.scrapes) {
              line.append(' ').append(thread).append(' ').append(bytes / exporter.scrapes);
            }
          });
      System.out.println(line);
    }
  }

  /** The ratio, and whether it meets the target ({@code <= target}). */
  private static String ratio(double ours, double theirs, double target) {
    double ratio = ours / theirs;
    return Stats.format(ratio)
        + " (<= "
        + Stats.format(target)
        + (ratio <= target ? ": met)" : ": missed, x" + Stats.format(ratio / target) + ")");
  }

  /** CPU seconds the process has used, user and system, from /proc. */
  private static double cpuSeconds(Process process) throws IOException {
    String stat = Files.readString(Paths.get("/proc", String.valueOf(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** One exporter's endpoint in the JVM, and its figures over its blocks. */
  private static final class Exporter {
    final String name;
    final int port;
    final Predicate<String> ownThread;
    final ScrapeClient client;
    final List<Double> millis = new ArrayList<>();
    final Map<String, Long> byThread = new TreeMap<>();
    long scrapes;
    double cpuSeconds;
    long jvmBytes;
    long ownBytes;
    byte[] body;
    int samples;
    int jmxSamples;
    Set<String> jmxSeries = Set.of();

    Exporter(String name, int port, Predicate<String> ownThread) throws IOException {
      this.name = name;
      this.port = port;
      // Both serve on the JDK's server, whose dispatcher threads share one name: in a block only
      // the scraped exporter's dispatcher has anything to do.
      this.ownThread = ownThread.or(thread -> thread.equals("HTTP-Dispatcher"));
      this.client = new ScrapeClient("http://127.0.0.1:" + port + "/metrics");
    }

    /**
     * Waits until its /metrics answers with the configuration's series and JVM metrics (this agent
     * registers them a moment after its server first answers).
     */
    void awaitSeries(Process jvm, Path log) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (true) {
        try {
          String text = new String(client.scrape(ScrapeFormat.TEXT), StandardCharsets.UTF_8);
          if (jmxSamples(text) > 0 && text.contains("jvm_threads_state")) {
            return;
          }
        } catch (IOException notYet) {
          // not serving yet
        }
        if (!jvm.isAlive() || System.nanoTime() > deadline) {
          throw new IOException(
              name
                  + " on port "
                  + port
                  + " serves no JMX series"
                  + (jvm.isAlive() ? " after 60 s" : ": the JVM exited")
                  + "; the JVM's output:\n"
                  + Files.readString(log));
        }
        Thread.sleep(50);
      }
    }

    /** One scrape, then the gap before the next (see {@link #MIN_GAP_MILLIS}). */
    double scrape() throws IOException, InterruptedException {
      long start = System.nanoTime();
      body = client.scrape(FORMAT);
      double elapsed = (System.nanoTime() - start) / 1e6;
      Thread.sleep(Math.max(MIN_GAP_MILLIS, Math.round(3 * elapsed) + 2));
      return elapsed;
    }

    void measureBlock(Process jvm, ThreadAllocations allocations, int count) throws Exception {
      allocations.start();
      double cpuBefore = cpuSeconds(jvm);
      for (int i = 0; i < count; i++) {
        millis.add(scrape());
      }
      cpuSeconds += cpuSeconds(jvm) - cpuBefore;
      Map<String, Long> allocated = allocations.stop();
      scrapes += count;
      for (Map.Entry<String, Long> thread : allocated.entrySet()) {
        jvmBytes += thread.getValue();
        ownBytes += ownThread.test(thread.getKey()) ? thread.getValue() : 0;
        byThread.merge(thread.getKey(), thread.getValue(), Long::sum);
      }
      String text = new String(client.scrape(ScrapeFormat.TEXT), StandardCharsets.UTF_8);
      samples = ScrapeClient.samples(text.getBytes(StandardCharsets.UTF_8));
      jmxSamples = jmxSamples(text);
      jmxSeries = jmxSeries(text);
    }

    double cpuMillisPerScrape() {
      return cpuSeconds * 1000 / scrapes;
    }

    double jvmBytesPerScrape() {
      return (double) jvmBytes / scrapes;
    }

    double ownBytesPerScrape() {
      return (double) ownBytes / scrapes;
    }
  }

  /** Samples of the configuration's rules: those of no JVM, request or self-metrics family. */
  static int jmxSamples(String text) {
    return jmxSeries(text).size();
  }

  /** The series (name and labels, without the value) of the configuration's rules. */
  static Set<String> jmxSeries(String text) {
    Set<String> series = new TreeSet<>();
    for (String line : text.split("\n")) {
      if (!line.isEmpty()
          && !line.startsWith("#")
          && NOT_JMX_RULES.stream().noneMatch(line::startsWith)) {
        series.add(line.substring(0, line.lastIndexOf(' ')));
      }
    }
    return series;
  }

  /**
   * Says when the two served different JMX series: then they did different work, and the figures
   * compare less than the same thing (integration tests compare the series themselves).
   */
  private static void printSeriesDifference(Exporter theirs, Exporter ours) {
    List<String> onlyTheirs = new ArrayList<>(theirs.jmxSeries);
    onlyTheirs.removeAll(ours.jmxSeries);
    List<String> onlyOurs = new ArrayList<>(ours.jmxSeries);
    onlyOurs.removeAll(theirs.jmxSeries);
    if (onlyTheirs.isEmpty() && onlyOurs.isEmpty()) {
      System.out.println("Both served the same " + ours.jmxSeries.size() + " JMX series.");
      return;
    }
    System.out.println(
        "The JMX series differ: "
            + onlyTheirs.size()
            + " only in jmx_exporter's"
            + (onlyTheirs.isEmpty() ? "" : " (such as " + onlyTheirs.get(0) + ")")
            + ", "
            + onlyOurs.size()
            + " only in ours"
            + (onlyOurs.isEmpty() ? "" : " (such as " + onlyOurs.get(0) + ")")
            + ".");
  }
}
