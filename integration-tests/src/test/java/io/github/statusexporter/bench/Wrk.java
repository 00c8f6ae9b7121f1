package io.github.statusexporter.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One run of wrk (on CPU 0 when pinned, see {@link Launch#PINNED}) and what it reports. */
final class Wrk {
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern P50 = Pattern.compile("50%\\s+([\\d.]+)(us|ms|s)");
  private static final Pattern P99 = Pattern.compile("99%\\s+([\\d.]+)(us|ms|s)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  /** Requests answered, whatever the status. */
  final long requests;

  final double rate;
  final double p50Millis;
  final double p99Millis;

  /** Answers other than 2xx or 3xx (a scrape refused with 503, for instance). */
  final long refused;

  /** Connections that failed: refused, reset, or timed out. */
  final long socketErrors;

  private Wrk(
      long requests,
      double rate,
      double p50Millis,
      double p99Millis,
      long refused,
      long socketErrors) {
    this.requests = requests;
    this.rate = rate;
    this.p50Millis = p50Millis;
    this.p99Millis = p99Millis;
    this.refused = refused;
    this.socketErrors = socketErrors;
  }

  /** {@code wrk -t1 -c<connections> -d<seconds>s --latency url}; fails on any error answer. */
  static Wrk run(String url, int connections, int seconds)
      throws IOException, InterruptedException {
    Wrk wrk = execute(url, connections, seconds, List.of());
    if (wrk.refused > 0) {
      throw new IOException("wrk saw " + wrk.refused + " error responses from " + url);
    }
    return wrk;
  }

  /**
   * As many scrapes as {@code connections} clients get, each sending the next as soon as it has the
   * last answer, with the format's headers; refusals and failed connections are counted, not fatal.
   * A scrape may take up to 10 s before it counts as a timeout.
   */
  static Wrk flood(String url, ScrapeFormat format, int connections, int seconds)
      throws IOException, InterruptedException {
    List<String> options = new ArrayList<>(List.of("--timeout", "10s"));
    if (format.accept != null) {
      options.addAll(List.of("-H", "Accept: " + format.accept));
    }
    if (format.gzip) {
      options.addAll(List.of("-H", "Accept-Encoding: gzip"));
    }
    return execute(url, connections, seconds, options);
  }

  private static Wrk execute(String url, int connections, int seconds, List<String> options)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(Launch.LOAD_PINNING);
    command.addAll(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency"));
    command.addAll(options);
    command.add(url);
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      throw new IOException("wrk failed: " + output);
    }
    Matcher refused = NON_2XX.matcher(output);
    Matcher socketErrors = SOCKET_ERRORS.matcher(output);
    long errors = 0;
    if (socketErrors.find()) {
      for (int group = 1; group <= 4; group++) {
        errors += Long.parseLong(socketErrors.group(group));
      }
    }
    return new Wrk(
        Long.parseLong(find(REQUESTS, output).group(1)),
        Double.parseDouble(find(RATE, output).group(1)),
        millis(find(P50, output)),
        millis(find(P99, output)),
        refused.find() ? Long.parseLong(refused.group(1)) : 0,
        errors);
  }

  private static Matcher find(Pattern pattern, String output) throws IOException {
    Matcher matcher = pattern.matcher(output);
    if (!matcher.find()) {
      throw new IOException("unexpected wrk output, no " + pattern + ": " + output);
    }
    return matcher;
  }

  private static double millis(Matcher latency) {
    double value = Double.parseDouble(latency.group(1));
    switch (latency.group(2)) {
      case "us":
        return value / 1000;
      case "s":
        return value * 1000;
      default:
        return value;
    }
  }
}
