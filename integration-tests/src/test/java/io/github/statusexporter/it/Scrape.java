package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** One scrape of the agent in the Prometheus text format. */
final class Scrape {
  final String text;

  private Scrape(String text) {
    this.text = text;
  }

  static Scrape of(int agentPort) {
    return of("http://localhost:" + agentPort + "/metrics");
  }

  /** Any endpoint in the text format, such as Prometheus' own {@code /metrics}. */
  static Scrape of(String url) {
    HttpResponse<String> response = Http.get(url);
    assertThat(response.statusCode()).isEqualTo(200);
    return new Scrape(response.body());
  }

  /** The first scrape within {@code timeout} whose {@code series} has {@code value}. */
  static Scrape awaitValue(int agentPort, String series, double value, Duration timeout) {
    return Wait.until(
        series + " = " + value,
        timeout,
        () -> {
          Scrape scrape = of(agentPort);
          return Double.valueOf(value).equals(scrape.value(series)) ? scrape : null;
        });
  }

  /** The value of the sample written exactly as {@code series}, or null if there is none. */
  Double value(String series) {
    String prefix = series + " ";
    for (String line : text.split("\n")) {
      if (line.startsWith(prefix)) {
        return Double.parseDouble(line.substring(prefix.length()).trim());
      }
    }
    return null;
  }

  /** The HELP, TYPE and sample lines of one family, as written. */
  String family(String name) {
    List<String> lines =
        Arrays.stream(text.split("\n"))
            .filter(
                line ->
                    line.startsWith("# HELP " + name + " ")
                        || line.startsWith("# TYPE " + name + " ")
                        || line.startsWith(name + " ")
                        || line.startsWith(name + "{"))
            .collect(Collectors.toList());
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  boolean hasFamily(String name) {
    return text.contains("# TYPE " + name + " ");
  }
}
