package io.github.statusexporter.instrumentation;

import java.util.List;

/**
 * Path templates the user wrote ({@code /api/orders/{id}}), matched against a request's raw path
 * for applications whose framework names no template. A {@code {name}} segment matches one
 * non-empty path segment; any other segment matches itself exactly. Matching walks the path in
 * place: it allocates nothing, and costs a comparison per segment per template tried.
 */
final class RouteTemplates {
  /** Per template, its segments; null marks a {@code {name}} segment. */
  private final String[][] segments;

  private final boolean[] trailingSlash;

  RouteTemplates(List<String> templates) {
    segments = new String[templates.size()][];
    trailingSlash = new boolean[templates.size()];
    for (int t = 0; t < templates.size(); t++) {
      String template = templates.get(t);
      trailingSlash[t] = template.length() > 1 && template.endsWith("/");
      String body = template.substring(1, template.length() - (trailingSlash[t] ? 1 : 0));
      String[] parts = body.isEmpty() ? new String[0] : body.split("/", -1);
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].startsWith("{")) {
          parts[i] = null;
        }
      }
      segments[t] = parts;
    }
  }

  boolean isEmpty() {
    return segments.length == 0;
  }

  /** The index of the first template the raw path matches, or -1. */
  int match(String path) {
    if (path == null || path.isEmpty() || path.charAt(0) != '/') {
      return -1;
    }
    for (int t = 0; t < segments.length; t++) {
      if (matches(t, path)) {
        return t;
      }
    }
    return -1;
  }

  private boolean matches(int t, String path) {
    int end = path.length();
    if (trailingSlash[t]) {
      if (end < 2 || path.charAt(end - 1) != '/') {
        return false;
      }
      end--;
    } else if (end > 1 && path.charAt(end - 1) == '/') {
      return false; // /orders/ is not /orders: a template says which it means
    }
    String[] parts = segments[t];
    if (parts.length == 0) {
      return end == 1;
    }
    int start = 1;
    for (int i = 0; i < parts.length; i++) {
      if (start > end) {
        return false;
      }
      int slash = path.indexOf('/', start);
      int stop = slash < 0 || slash > end ? end : slash;
      boolean last = i == parts.length - 1;
      if (last != (stop == end)) {
        return false;
      }
      String part = parts[i];
      if (part == null) {
        if (stop == start) {
          return false;
        }
      } else if (part.length() != stop - start || !path.startsWith(part, start)) {
        return false;
      }
      start = stop + 1;
    }
    return true;
  }
}
