package io.github.statusexporter.jmxrules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What can be known of a rule's pattern before any value is seen, so that its match of an MBean
 * value is decided once rather than at every scrape.
 *
 * <p>jmx_exporter matches {@code ^.*(?:P).*$} against {@code prefix: value}. The greedy {@code .*}
 * tries P at every position from the end backwards, so P's match depends on the value only if it
 * can start inside the value, or if, started in the prefix, it reads on into the value. The first
 * is ruled out for a pattern that must start with a literal character the value lacks; the second
 * is seen by matching P within the prefix alone: a match that never reached the prefix's end
 * ({@link Matcher#hitEnd()}) is the same whatever follows. Anchors, word boundaries and lookarounds
 * look past a region's edge, so patterns with them are matched at every scrape.
 */
final class Patterns {
  /** Escapes whose match at a region's edge is not what it would be inside the whole text. */
  private static final String EDGE_ESCAPES = "bBzZGXR";

  /** Groups that look past where they stand, and flags that change what {@code ^} and . match. */
  private static final List<String> EDGE_GROUPS = List.of("?=", "?!", "?<=", "?<!", "?m", "?s");

  private static final String META = "\\^$.|?*+()[]{}";

  /** A decision within the prefix alone. */
  enum Within {
    MATCH,
    NO_MATCH,
    DEPENDS_ON_VALUE
  }

  private final Pattern bare;
  private final boolean matchesAtEnd;
  private final char firstCharacter;

  private Patterns(Pattern bare, boolean matchesAtEnd, char firstCharacter) {
    this.bare = bare;
    this.matchesAtEnd = matchesAtEnd;
    this.firstCharacter = firstCharacter;
  }

  static Patterns of(String pattern) {
    if (isEdgeSensitive(pattern)) {
      return new Patterns(null, false, (char) 0);
    }
    Pattern bare;
    try {
      bare = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      // Valid only inside jmx_exporter's wrapping, as "a)|(b": matched at every scrape.
      return new Patterns(null, false, (char) 0);
    }
    Matcher atEnd = bare.matcher("x");
    atEnd.useAnchoringBounds(false);
    atEnd.region(1, 1);
    return new Patterns(bare, atEnd.lookingAt(), firstCharacter(pattern));
  }

  /**
   * Whether the pattern has {@code $}, a boundary, a lookaround or a line flag, outside character
   * classes (where {@code $} is only a dollar, as in Tomcat's {@code [-a-zA-Z0-9+/$%~_-|!.]}).
   */
  private static boolean isEdgeSensitive(String pattern) {
    if (pattern.contains("\\Q")) {
      return true; // quoted text: the scan below would read it as constructs
    }
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        if (i + 1 < pattern.length() && EDGE_ESCAPES.indexOf(pattern.charAt(i + 1)) >= 0) {
          return true;
        }
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
          i++; // a leading ] is a member of the class
        }
      } else if (c == '$') {
        return true;
      } else if (c == '(') {
        for (String group : EDGE_GROUPS) {
          if (pattern.startsWith(group, i + 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The literal character every match starts with: the pattern's first, when it is not a regex
   * construct, not made optional by a quantifier, and no alternative at the top level competes.
   */
  private static char firstCharacter(String pattern) {
    if (pattern.isEmpty() || META.indexOf(pattern.charAt(0)) >= 0) {
      return 0;
    }
    if (pattern.contains("\\Q") || pattern.contains("[]") || pattern.contains("[^]")) {
      return 0; // a class that starts with ], or quoted text: not scanned for alternatives
    }
    if (pattern.length() > 1 && "?*{".indexOf(pattern.charAt(1)) >= 0) {
      return 0;
    }
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return 0;
      }
    }
    return pattern.charAt(0);
  }

  /** Whether the pattern matches at the end of any text, so at the end of every pattern input. */
  boolean matchesAtEnd() {
    return matchesAtEnd;
  }

  /** The character every match starts with; 0 when unknown. */
  char firstCharacter() {
    return firstCharacter;
  }

  /** Whether {@link #within} can decide: the pattern has no edge-sensitive construct. */
  boolean isDecidable() {
    return bare != null && firstCharacter != 0;
  }

  /**
   * The pattern's match of {@code prefix: value} at positions inside {@code constant} (the prefix
   * and its {@code ": "}), when no match starts inside the value.
   */
  Within within(String constant) {
    Matcher matcher = bare.matcher(constant);
    matcher.useAnchoringBounds(false);
    for (int start = constant.lastIndexOf(firstCharacter);
        start >= 0;
        start = constant.lastIndexOf(firstCharacter, start - 1)) {
      matcher.region(start, constant.length());
      boolean found = matcher.lookingAt();
      if (matcher.hitEnd()) {
        return Within.DEPENDS_ON_VALUE;
      }
      if (found) {
        return Within.MATCH;
      }
    }
    return Within.NO_MATCH;
  }

  /** Line breaks end what {@code .} matches, so a value with one is matched in full each time. */
  static boolean hasLineBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }
}
