package io.github.statusexporter.instrumentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Path templates the user wrote ({@code /api/orders/{id}}), matched against a request's raw path
 * for applications whose framework names no template. A {@code {name}} segment matches one
 * non-empty path segment; any other segment matches itself exactly; the first template that matches
 * wins.
 *
 * <p>This runs on every request of an application with templates, so it allocates nothing and reads
 * the path at most twice whatever the number of templates: once to count its segments, which picks
 * the templates of that shape, then once segment by segment against all of them at the same time (a
 * bit per template still alive). A segment's hash and length reject the literals that differ
 * without comparing characters, and templates that share a literal at a position ({@code /api/...})
 * compare it once.
 */
final class RouteTemplates {
  /** A group holds up to this many templates, one bit each in a {@code long}. */
  private static final int GROUP_SIZE = Long.SIZE;

  private final Group[] groups;

  RouteTemplates(List<String> templates) {
    // No lambdas here: this may run in premain, where each bootstraps method handles.
    Map<String, List<Integer>> byShape = new LinkedHashMap<>();
    for (int t = 0; t < templates.size(); t++) {
      String template = templates.get(t);
      String shape = segmentCount(template) + (hasTrailingSlash(template) ? "/" : "");
      List<Integer> ofShape = byShape.get(shape);
      if (ofShape == null) {
        ofShape = new ArrayList<>();
        byShape.put(shape, ofShape);
      }
      ofShape.add(t);
    }
    List<Group> built = new ArrayList<>();
    for (List<Integer> indices : byShape.values()) {
      for (int from = 0; from < indices.size(); from += GROUP_SIZE) {
        List<Integer> chunk = indices.subList(from, Math.min(indices.size(), from + GROUP_SIZE));
        built.add(new Group(templates, chunk));
      }
    }
    groups = built.toArray(new Group[0]);
  }

  boolean isEmpty() {
    return groups.length == 0;
  }

  /** The index of the first template the raw path matches, or -1. */
  int match(String path) {
    if (path == null || path.isEmpty() || path.charAt(0) != '/') {
      return -1;
    }
    int count = segmentCount(path);
    boolean trailingSlash = hasTrailingSlash(path);
    int end = path.length() - (trailingSlash ? 1 : 0);
    for (Group group : groups) {
      if (group.segments == count && group.trailingSlash == trailingSlash) {
        int index = group.match(path, end);
        // Groups of one shape are in the user's order, so the first match among them is the
        // first template; groups of different shapes never both match.
        if (index >= 0) {
          return index;
        }
      }
    }
    return -1;
  }

  /**
   * {@code /orders/} is not {@code /orders}: a template says which it means, so a trailing slash is
   * part of a template's shape.
   */
  private static boolean hasTrailingSlash(String path) {
    return path.length() > 1 && path.charAt(path.length() - 1) == '/';
  }

  /** The segments between the leading slash and a trailing one: {@code /} has none. */
  private static int segmentCount(String path) {
    int end = path.length() - (hasTrailingSlash(path) ? 1 : 0);
    if (end <= 1) {
      return 0;
    }
    int count = 1;
    for (int i = 1; i < end; i++) {
      if (path.charAt(i) == '/') {
        count++;
      }
    }
    return count;
  }

  /** Templates of one shape, at most {@link #GROUP_SIZE}, bit {@code i} for {@code indices[i]}. */
  private static final class Group {
    final int segments;
    final boolean trailingSlash;
    final int[] indices;

    /** Per segment, the templates whose segment there is a {@code {name}}. */
    final long[] variables;

    /** Per segment, the distinct literals the templates have there. */
    final Literal[][] literals;

    Group(List<String> templates, List<Integer> chunk) {
      String sample = templates.get(chunk.get(0));
      segments = segmentCount(sample);
      trailingSlash = hasTrailingSlash(sample);
      indices = new int[chunk.size()];
      variables = new long[segments];
      List<Map<String, Long>> literalBits = new ArrayList<>();
      for (int p = 0; p < segments; p++) {
        literalBits.add(new LinkedHashMap<>());
      }
      for (int bit = 0; bit < chunk.size(); bit++) {
        indices[bit] = chunk.get(bit);
        String[] parts = segmentsOf(templates.get(indices[bit]));
        for (int p = 0; p < segments; p++) {
          if (parts[p].startsWith("{")) {
            variables[p] |= 1L << bit;
          } else {
            Long others = literalBits.get(p).get(parts[p]);
            literalBits.get(p).put(parts[p], (others == null ? 0 : others) | 1L << bit);
          }
        }
      }
      literals = new Literal[segments][];
      for (int p = 0; p < segments; p++) {
        List<Literal> here = new ArrayList<>();
        for (Map.Entry<String, Long> entry : literalBits.get(p).entrySet()) {
          here.add(new Literal(entry.getKey(), entry.getValue()));
        }
        literals[p] = here.toArray(new Literal[0]);
      }
    }

    private static String[] segmentsOf(String template) {
      int end = template.length() - (hasTrailingSlash(template) ? 1 : 0);
      return end <= 1 ? new String[0] : template.substring(1, end).split("/", -1);
    }

    /** The path has this group's shape; {@code end} leaves out its trailing slash. */
    int match(String path, int end) {
      long alive = indices.length == GROUP_SIZE ? -1L : (1L << indices.length) - 1;
      int start = 1;
      for (int p = 0; p < segments; p++) {
        int hash = 0;
        int stop = start;
        for (char c; stop < end && (c = path.charAt(stop)) != '/'; stop++) {
          hash = 31 * hash + c;
        }
        long matched = stop > start ? variables[p] : 0;
        for (Literal literal : literals[p]) {
          if ((literal.templates & alive) != 0 && literal.matches(path, start, stop, hash)) {
            matched |= literal.templates;
            break; // the literals here are distinct: no other can be equal too
          }
        }
        alive &= matched;
        if (alive == 0) {
          return -1;
        }
        start = stop + 1;
      }
      return indices[Long.numberOfTrailingZeros(alive)];
    }
  }

  /** One literal segment and the templates that have it at its position. */
  private static final class Literal {
    final String text;
    final int hash;
    final long templates;

    Literal(String text, long templates) {
      this.text = text;
      this.hash = text.hashCode();
      this.templates = templates;
    }

    /** {@code String.hashCode}'s hash of the segment rejects most others without a comparison. */
    boolean matches(String path, int start, int stop, int segmentHash) {
      return hash == segmentHash && text.length() == stop - start && path.startsWith(text, start);
    }
  }
}
