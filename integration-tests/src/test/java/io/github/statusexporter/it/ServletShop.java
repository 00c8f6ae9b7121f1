package io.github.statusexporter.it;

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

  /** The count sample of GET requests over http with this status and route. */
  static String count(String status, String route) {
    return series("_count", status, route) + "}";
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
