package io.github.statusexporter.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus server, from the Debian package {@code prometheus}, started for a test: on a
 * free loopback port, with a generated configuration and its own storage in a temporary directory,
 * both gone after {@link #close()}. Native histograms are enabled, which makes it ask targets for
 * the protobuf format first.
 */
final class PrometheusServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path directory;
  private final String url;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final Thread cleanupOnExit;

  private PrometheusServer(Process process, Path directory, String url) {
    this.process = process;
    this.directory = directory;
    this.url = url;
    drain();
    // A test run stopped by Ctrl-C or a failsafe timeout still ends the server and its files.
    cleanupOnExit = new Thread(this::stopAndDelete, "prometheus-server-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
  }

  /**
   * Starts Prometheus scraping {@code jobs} every {@code interval}, and waits until it is ready.
   * Skips the calling test when {@code prometheus} is not installed, except on CI.
   */
  static PrometheusServer start(Duration interval, List<ScrapeJob> jobs) throws IOException {
    return start(interval, jobs, List.of());
  }

  /** As {@link #start(Duration, List)}, evaluating the rule files every {@code interval} too. */
  static PrometheusServer start(Duration interval, List<ScrapeJob> jobs, List<Path> ruleFiles)
      throws IOException {
    Path binary = Executables.require("prometheus", "prometheus");
    Path directory = Files.createTempDirectory("prometheus-it-");
    PrometheusServer server;
    try {
      Path config = directory.resolve("prometheus.yml");
      Files.writeString(config, configuration(interval, jobs, ruleFiles));
      String address = "127.0.0.1:" + Http.freePort();
      Process process =
          new ProcessBuilder(
                  binary.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + directory.resolve("data"),
                  "--web.listen-address=" + address,
                  // Prometheus 2.40 to 3.8; from 3.9 the flag does nothing and the configuration
                  // needs scrape_native_histograms: true instead.
                  "--enable-feature=native-histograms")
              .redirectErrorStream(true)
              .start();
      server = new PrometheusServer(process, directory, "http://" + address);
    } catch (IOException | RuntimeException e) {
      deleteRecursively(directory);
      throw e;
    }
    try {
      server.awaitReady(Duration.ofSeconds(30));
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The generated prometheus.yml: a short interval for everything, the rules, then the jobs. */
  private static String configuration(
      Duration interval, List<ScrapeJob> jobs, List<Path> ruleFiles) {
    String duration = interval.toMillis() + "ms";
    Map<String, Object> global = new LinkedHashMap<>();
    global.put("scrape_interval", duration);
    global.put("scrape_timeout", duration);
    global.put("evaluation_interval", duration);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("global", global);
    if (!ruleFiles.isEmpty()) {
      config.put("rule_files", ruleFiles.stream().map(Path::toString).toList());
    }
    config.put("scrape_configs", jobs.stream().map(ScrapeJob::toConfig).toList());
    return Yaml.dump(config);
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError("Prometheus exited with " + process.exitValue() + ": " + log);
      }
      try {
        if (Http.get(url + "/-/ready").statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Prometheus not ready within " + timeout + ": " + log);
      }
      Wait.sleep(100);
    }
  }

  /** The answer to an instant query evaluated now. */
  List<Series> query(String promql) {
    return Series.of(api("/api/v1/query?query=" + encode(promql)));
  }

  /** The answer to an instant query evaluated at {@code time} (seconds since the epoch). */
  List<Series> query(String promql, double time) {
    return Series.of(
        api(
            "/api/v1/query?query="
                + encode(promql)
                + "&time="
                + String.format(Locale.ROOT, "%.3f", time)));
  }

  /** The one series a query evaluated now answers, or an error naming what it answered. */
  Series single(String promql) {
    return one(promql, query(promql));
  }

  /** The one series a query evaluated at {@code time} answers. */
  Series single(String promql, double time) {
    return one(promql, query(promql, time));
  }

  private static Series one(String promql, List<Series> series) {
    if (series.size() != 1) {
      throw new AssertionError("expected one series for " + promql + ", got " + series);
    }
    return series.get(0);
  }

  /** The targets Prometheus scrapes, as {@code /api/v1/targets} lists them. */
  List<JsonNode> activeTargets() {
    List<JsonNode> targets = new ArrayList<>();
    api("/api/v1/targets?state=active").path("activeTargets").forEach(targets::add);
    return targets;
  }

  /** The rules Prometheus evaluates, each with its {@code health} and {@code lastError}. */
  List<JsonNode> rules() {
    List<JsonNode> rules = new ArrayList<>();
    api("/api/v1/rules").path("groups").forEach(group -> group.path("rules").forEach(rules::add));
    return rules;
  }

  /** Where it listens: host and port. */
  String address() {
    return url.substring("http://".length());
  }

  /** What Prometheus has logged so far. */
  List<String> log() {
    return List.copyOf(log);
  }

  private JsonNode api(String pathAndQuery) {
    HttpResponse<String> response = Http.get(url + pathAndQuery);
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON from " + pathAndQuery + ": " + response.body(), e);
    }
    if (!"success".equals(answer.path("status").asText())) {
      throw new AssertionError(pathAndQuery + " answered " + response.statusCode() + ": " + answer);
    }
    return answer.path("data");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private void drain() {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  log.add(line);
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            "drain-prometheus");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    stopAndDelete();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
    } catch (IllegalStateException e) {
      // the JVM is shutting down already, and the hook has done the same
    }
  }

  private void stopAndDelete() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteRecursively(directory);
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}
