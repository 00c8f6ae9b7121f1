package io.github.statusexporter.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A path into a status document: names separated by dots, array indexes in brackets, as in {@code
 * cluster.nodes[0].heap_used}. A name the document lacks is looked up in snake_case too, the form
 * an MBean's attributes take in it: {@code BytesSent} or {@code bytesSent}, as JMX shows it, finds
 * {@code bytes_sent}.
 */
public final class FieldPath {
  private final String text;
  private final List<Object> steps;

  /** Each name's snake_case form where it differs; null elsewhere. */
  private final String[] snakeSteps;

  private FieldPath(String text, List<Object> steps) {
    this.text = text;
    this.steps = List.copyOf(steps);
    this.snakeSteps = new String[steps.size()];
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof String) {
        String name = (String) steps.get(i);
        String snake = snakeCase(name);
        snakeSteps[i] = snake.equals(name) ? null : snake;
      }
    }
  }

  /**
   * A name in the snake_case an MBean's attributes take in a document: {@code CurrentRequests} →
   * {@code current_requests}, {@code HTTPPort} → {@code http_port}, {@code heapMemoryUsage} →
   * {@code heap_memory_usage}. Here, not with the MBean sources' conversions: mappings of JSON
   * sources use it too, and need not load those.
   */
  public static String snakeCase(String name) {
    StringBuilder snake = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLower =
            i > 0
                && (Character.isLowerCase(name.charAt(i - 1))
                    || Character.isDigit(name.charAt(i - 1)));
        boolean endsAcronym =
            i > 0
                && Character.isUpperCase(name.charAt(i - 1))
                && i + 1 < name.length()
                && Character.isLowerCase(name.charAt(i + 1));
        if (afterLower || endsAcronym) {
          snake.append('_');
        }
        snake.append(Character.toLowerCase(c));
      } else if (c == ' ' || c == '-') {
        snake.append('_');
      } else {
        snake.append(c);
      }
    }
    return snake.toString();
  }

  /**
   * @throws IllegalArgumentException naming what is wrong with the path
   */
  public static FieldPath parse(String text) {
    List<Object> steps = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '[') {
        int close = text.indexOf(']', i);
        String index = close < 0 ? "" : text.substring(i + 1, close);
        if (!index.matches("\\d{1,9}")) {
          throw new IllegalArgumentException(
              "'"
                  + text
                  + "' has a bad array index at character "
                  + (i + 1)
                  + ": use [0], [1], ...");
        }
        steps.add(Integer.valueOf(index));
        i = close + 1;
        if (i < text.length() && text.charAt(i) == '.') {
          i++;
          requireName(text, i);
        } else if (i < text.length() && text.charAt(i) != '[') {
          throw new IllegalArgumentException(
              "'" + text + "' needs a dot after the index at character " + i);
        }
      } else {
        int end = nextDelimiter(text, i);
        if (end == i) {
          throw new IllegalArgumentException(
              "'" + text + "' has an empty name at character " + (i + 1));
        }
        steps.add(text.substring(i, end));
        i = end;
        if (i < text.length() && text.charAt(i) == '.') {
          i++;
          requireName(text, i);
        }
      }
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("the path is empty");
    }
    return new FieldPath(text, steps);
  }

  private static void requireName(String text, int i) {
    if (i >= text.length() || text.charAt(i) == '.' || text.charAt(i) == '[') {
      throw new IllegalArgumentException(
          "'" + text + "' has an empty name at character " + (i + 1));
    }
  }

  private static int nextDelimiter(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
      i++;
    }
    return i;
  }

  /** The value at this path under {@code root}, or null when there is none. */
  public Object resolve(Object root) {
    Object node = root;
    for (int i = 0; i < steps.size(); i++) {
      Object step = steps.get(i);
      if (step instanceof String && node instanceof Map) {
        Map<?, ?> map = (Map<?, ?>) node;
        node = map.get(step);
        if (node == null && snakeSteps[i] != null) {
          node = map.get(snakeSteps[i]);
        }
      } else if (step instanceof Integer && node instanceof List) {
        List<?> list = (List<?>) node;
        int index = (Integer) step;
        node = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return node;
  }

  /**
   * This path as {@code root} names it: each name as it was found there, its snake_case form where
   * only that is present ({@code bytesSent} reads {@code bytes_sent}), and as written past the
   * first step that is missing.
   */
  public String pathIn(Object root) {
    StringBuilder path = new StringBuilder();
    Object node = root;
    for (int i = 0; i < steps.size(); i++) {
      Object step = steps.get(i);
      if (step instanceof Integer) {
        path.append('[').append(step).append(']');
        node =
            node instanceof List && (Integer) step < ((List<?>) node).size()
                ? ((List<?>) node).get((Integer) step)
                : null;
        continue;
      }
      String name = (String) step;
      if (node instanceof Map) {
        Map<?, ?> map = (Map<?, ?>) node;
        node = map.get(name);
        if (node == null && snakeSteps[i] != null && map.get(snakeSteps[i]) != null) {
          name = snakeSteps[i];
          node = map.get(name);
        }
      } else {
        node = null;
      }
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(name);
    }
    return path.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
