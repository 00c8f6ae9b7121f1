package io.github.statusexporter.instrumentation;

/**
 * The request methods OpenTelemetry names; any other folds to {@code _OTHER}, so a client that
 * invents methods cannot create series.
 */
final class HttpMethods {
  static final String[] NAMES = {
    "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "_OTHER"
  };
  static final int COUNT = NAMES.length;

  private HttpMethods() {}

  /** The method's position in {@link #NAMES}; without allocating. */
  static int index(String method) {
    if (method == null) {
      return COUNT - 1;
    }
    switch (method) {
      case "GET":
        return 0;
      case "HEAD":
        return 1;
      case "POST":
        return 2;
      case "PUT":
        return 3;
      case "DELETE":
        return 4;
      case "CONNECT":
        return 5;
      case "OPTIONS":
        return 6;
      case "TRACE":
        return 7;
      case "PATCH":
        return 8;
      default:
        return COUNT - 1;
    }
  }
}
