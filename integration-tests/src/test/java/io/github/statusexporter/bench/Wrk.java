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

  final long requests;
  final double rate;
  final double p50Millis;
  final double p99Millis;

  private Wrk(long requests, double rate, double p50Millis, double p99Millis) {
    this.requests = requests;
    this.rate = rate;
    this.p50Millis = p50Millis;
    this.p99Millis = p99Millis;
  }

  /** {@code wrk -t1 -c<connections> -d<seconds>s --latency url}. */
  static Wrk run(String url, int connections, int seconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(Launch.LOAD_PINNING);
    command.addAll(
        List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency", url));
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      throw new IOException("wrk failed: " + output);
    }
    if (output.contains("Non-2xx or 3xx responses")) {
      throw new IOException("wrk saw error responses: " + output);
    }
    return new Wrk(
        Long.parseLong(find(REQUESTS, output).group(1)),
        Double.parseDouble(find(RATE, output).group(1)),
        millis(find(P50, output)),
        millis(find(P99, output)));
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
