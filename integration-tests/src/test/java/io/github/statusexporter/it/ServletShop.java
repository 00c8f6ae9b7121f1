package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

/**
 * What the servlet ITs send to a test app at {@code /shop} ({@link ServletApp}), and the request
 * duration series of the GETs they send, as the agent writes them.
 */
final class ServletShop {
  private ServletShop() {}

  /**
   * Sends {@code requests} GETs as a scanner would, 50 at a time, a quarter of each: {@code
   * /shop/items/N}, {@code /shop/nothing/N?q=N} (mapped by no servlet), and {@code /shop/items/N}
   * as a client may spell the context's path ({@code /shop;x=N}, {@code /sh%6Fp}).
   */
  static void scan(int appPort, int requests) {
    String base = "http://localhost:" + appPort;
    Http.getAll(
        requests,
        i ->
            switch (i % 4) {
              case 0 -> base + "/shop/items/" + i;
              case 1 -> base + "/shop/nothing/" + i + "?q=" + i;
              case 2 -> base + "/shop;x=" + i + "/items/" + i;
              default -> base + "/sh%6Fp/items/" + i + "%20";
            });
  }

  /**
   * A streamed answer of {@code /shop/stream} (4 chunks, 100 ms apart), then one whose client goes
   * away after its third chunk of a thousand, while it is still active; returns once neither is.
   */
  static void streamAndGoAway(int appPort, int agentPort) throws IOException {
    String streamed = "http://localhost:" + appPort + "/shop/stream?chunks=4&ms=100";
    assertThat(Http.get(streamed).body()).isEqualTo("chunk 0\nchunk 1\nchunk 2\nchunk 3\n");
    Http.getAndGoAway(
        appPort,
        "/shop/stream?chunks=1000&ms=50",
        "chunk 2",
        () -> assertThat(Scrape.of(agentPort).value(RequestSeries.ACTIVE_GETS)).isEqualTo(1.0));
    Scrape.awaitValue(agentPort, RequestSeries.ACTIVE_GETS, 0.0, Duration.ofSeconds(10));
  }

  /** The count sample of GET requests over http with this status and route. */
  static String count(String status, String route) {
    return series("_count", status, route) + "}";
  }

  /** The sum sample of GET requests over http with this status and route. */
  static String sum(String status, String route) {
    return series("_sum", status, route) + "}";
  }

  /** A bucket sample of GET requests over http with this status and route. */
  static String bucket(String status, String route, String le) {
    return series("_bucket", status, route) + ",le=\"" + le + "\"}";
  }

  private static String series(String suffix, String status, String route) {
    return "http_server_request_duration_seconds"
        + suffix
        + "{http_request_method=\"GET\",http_response_status_code=\""
        + status
        + "\",http_route=\""
        + route
        + "\",url_scheme=\"http\"";
  }
}
