package io.github.statusexporter.config;

/** The cap on a source's series, as the option and the mapping file's key take it. */
final class MaxSeries {
  static final String EXPECTED =
      "a whole number of series from 1 to " + AgentConfig.MAX_MAX_SERIES + ", such as 10000";

  private MaxSeries() {}

  /** The cap, or null when the text is not a number from 1 to the largest cap. */
  static Integer parse(String text) {
    String digits = text.trim();
    if (!digits.matches("\\d{1,7}")) {
      return null;
    }
    int max = Integer.parseInt(digits);
    return max >= 1 && max <= AgentConfig.MAX_MAX_SERIES ? max : null;
  }
}
