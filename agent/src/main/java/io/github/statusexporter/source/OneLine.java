package io.github.statusexporter.source;

/**
 * Text from outside the agent (an exception's message, a piece of a status document) made fit for
 * one log line and the sources page: control characters (line breaks, escapes) as spaces, and at
 * most a given length.
 */
final class OneLine {
  private OneLine() {}

  static String of(String text, int maxChars) {
    StringBuilder line = new StringBuilder(Math.min(text.length(), maxChars + 3));
    for (int i = 0; i < text.length() && line.length() < maxChars; i++) {
      char c = text.charAt(i);
      line.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (text.length() > maxChars) {
      line.append("...");
    }
    return line.toString();
  }
}
