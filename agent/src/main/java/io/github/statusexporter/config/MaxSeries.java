package io.github.statusexporter.config;

/** The cap on a source's series, as the option and the mapping file's key take it. */
public final class MaxSeries {
  /** The largest cap accepted. */
  public static final int LARGEST = 1_000_000;

  public static final String EXPECTED =
      "a whole number of series from 1 to " + LARGEST + ", such as 10000";

  private MaxSeries() {}

  /** The cap, or null when the text is not a number from 1 to the largest cap. */
  public static Integer parse(String text) {
    String digits = text.trim();
    if (!digits.matches("\\d{1,7}")) {
      return null;
    }
    int max = Integer.parseInt(digits);
    return max >= 1 && max <= LARGEST ? max : null;
  }
}
