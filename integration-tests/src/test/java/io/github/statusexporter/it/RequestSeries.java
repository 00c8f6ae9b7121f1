package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The request-duration series of one agent, as its scrapes show them, for tests of routes. */
final class RequestSeries {
  static final String COUNT = "http_server_request_duration_seconds_count{";
  static final String SUM = "http_server_request_duration_seconds_sum{";
  static final String ACTIVE_GETS =
      "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"}";

  private final int agentPort;

  RequestSeries(int agentPort) {
    this.agentPort = agentPort;
  }

  Map<String, Double> counts() {
    return samples(COUNT);
  }

  Map<String, Double> sums() {
    return samples(SUM);
  }

  /** The value of each sample whose line starts with {@code prefix}, by its name and labels. */
  private Map<String, Double> samples(String prefix) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : Scrape.of(agentPort).text.split("\n")) {
      if (line.startsWith(prefix)) {
        int space = line.lastIndexOf(' ');
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return samples;
  }

  /**
   * Waits until the request counts have grown by exactly {@code added} since {@code before}, and no
   * other count has changed: a server may record a request a moment after the client has the
   * response (Reactor Netty once its last write has completed, Tomcat once an error page is done).
   */
  void awaitAdded(Map<String, Double> before, Map<String, Double> added) {
    Map<String, Double> expected = new HashMap<>(before);
    added.forEach((series, count) -> expected.merge(series, count, Double::sum));
    Map<String, Double> last = new HashMap<>();
    try {
      Wait.until(
          "counts " + expected,
          Duration.ofSeconds(10),
          () -> {
            last.clear();
            last.putAll(counts());
            return last.equals(expected) ? last : null;
          });
    } catch (AssertionError e) {
      assertThat(last).as("request counts").isEqualTo(expected);
    }
  }

  /** How much the sum of {@code series} has grown since {@code before}. */
  double addedSum(Map<String, Double> before, String series) {
    return sums().get(series) - before.getOrDefault(series, 0.0);
  }

  /** The routes that have a request count in {@code scrape}, each once. */
  static List<String> routes(Scrape scrape) {
    return Arrays.stream(scrape.text.split("\n"))
        .filter(line -> line.startsWith(COUNT))
        .map(line -> line.replaceAll(".*http_route=\"([^\"]*)\".*", "$1"))
        .distinct()
        .toList();
  }

  /**
   * Asserts that the agent said, once each, that it measures these servers and no other, each with
   * a version, and that its {@code status_exporter_server_info} series say the same.
   */
  static void assertMeasured(JavaProcess process, int agentPort, String... servers) {
    String prefix = "status-exporter: measuring requests on ";
    Map<String, String> said = new HashMap<>();
    for (String line : process.stderr()) {
      if (line.startsWith(prefix)) {
        String serverAndVersion = line.substring(prefix.length());
        int space = serverAndVersion.lastIndexOf(' ');
        assertThat(
                said.put(
                    serverAndVersion.substring(0, space), serverAndVersion.substring(space + 1)))
            .as("said once: " + line)
            .isNull();
      }
    }
    assertThat(said).containsOnlyKeys(servers);
    Scrape scrape = Scrape.of(agentPort);
    said.forEach(
        (server, version) -> {
          assertThat(version).matches("[0-9]+.*");
          assertThat(scrape.value(serverInfo(server, version))).isEqualTo(1.0);
        });
  }

  /** The series that says the agent measures this server, in this version. */
  static String serverInfo(String server, String version) {
    return "status_exporter_server_info{server=\"" + server + "\",version=\"" + version + "\"}";
  }

  static String count(String status, String route) {
    return count("GET", status, route);
  }

  static String count(String method, String status, String route) {
    return COUNT + labels(method, status, route);
  }

  static String sum(String status, String route) {
    return SUM + labels("GET", status, route);
  }

  private static String labels(String method, String status, String route) {
    return "http_request_method=\""
        + method
        + "\",http_response_status_code=\""
        + status
        + "\",http_route=\""
        + route
        + "\",url_scheme=\"http\"}";
  }
}
