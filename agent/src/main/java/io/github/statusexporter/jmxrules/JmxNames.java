package io.github.statusexporter.jmxrules;

/**
 * The three name transformations of jmx_exporter 1.0.1, character for character: its {@code
 * safeName}, its {@code toSnakeAndLowerCase}, and client_java 1.3.1's {@code sanitizeMetricName}
 * that it applies last (the version it bundles; later ones differ).
 */
final class JmxNames {
  private static final String[] RESERVED_SUFFIXES = {
    "_total", "_created", "_bucket", "_info", ".total", ".created", ".bucket", ".info"
  };

  private JmxNames() {}

  /**
   * Every character outside {@code [A-Za-z0-9:_]} becomes {@code _}, runs of {@code _} become one,
   * and a leading digit gets a {@code _} before it.
   */
  static String safeName(String name) {
    StringBuilder safe = new StringBuilder(name.length() + 1);
    if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
      safe.append('_');
    }
    boolean afterUnderscore = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' || !isLegal(c)) {
        if (!afterUnderscore) {
          safe.append('_');
          afterUnderscore = true;
        }
      } else {
        safe.append(c);
        afterUnderscore = false;
      }
    }
    return safe.toString();
  }

  private static boolean isLegal(char c) {
    return c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** {@code testTCPTest} to {@code test_tcptest}: an underscore before each upper case run. */
  static String snakeCase(String name) {
    if (name.isEmpty()) {
      return name;
    }
    char first = name.charAt(0);
    boolean afterUpperOrUnderscore = Character.isUpperCase(first) || first == '_';
    StringBuilder snake = new StringBuilder(name.length() + 4).append(Character.toLowerCase(first));
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean upper = Character.isUpperCase(c);
      if (!afterUpperOrUnderscore && upper) {
        snake.append('_');
      }
      snake.append(Character.toLowerCase(c));
      afterUpperOrUnderscore = upper || c == '_';
    }
    return snake.toString();
  }

  /**
   * client_java 1.3.1: characters outside {@code [a-zA-Z:.]} (and digits after the first) become
   * {@code _}; then {@code _total}, {@code _created}, {@code _bucket} and {@code _info} are cut off
   * the end for as long as there is one, whatever the metric's type.
   */
  static String sanitizeMetricName(String name) {
    char[] sanitized = new char[name.length()];
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean legal =
          c == ':'
              || c == '.'
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (i > 0 && c >= '0' && c <= '9');
      sanitized[i] = legal ? c : '_';
    }
    String result = new String(sanitized);
    boolean cut = true;
    while (cut) {
      cut = false;
      for (String suffix : RESERVED_SUFFIXES) {
        if (result.equals(suffix)) {
          return suffix.substring(1);
        }
        if (result.endsWith(suffix)) {
          result = result.substring(0, result.length() - suffix.length());
          cut = true;
        }
      }
    }
    return result;
  }

  /**
   * client_java 1.3.1's label name rule, which jmx_exporter's output must pass (a {@code safeName}
   * may keep a colon, which it does not allow).
   */
  static boolean isValidLabelName(String name) {
    if (name.isEmpty()
        || name.startsWith("__")
        || name.startsWith("._")
        || name.startsWith("..")
        || name.startsWith("_.")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean legal =
          c == '_'
              || c == '.'
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (i > 0 && c >= '0' && c <= '9');
      if (!legal) {
        return false;
      }
    }
    return true;
  }
}
