package io.github.statusexporter.jmxrules;

/**
 * What a rule decided for one MBean value, and for which later values that decision still holds:
 * always (the rule reads no value), for values without a line break (the pattern matches at the
 * very end whatever comes before), unless the value's text holds the one character the pattern must
 * start with (only there could it match inside the value), or never (matched again each scrape).
 */
final class RuleMemo {
  /** Characters of any number's text ({@code -1.5E-7}, {@code NaN}, {@code Infinity}). */
  private static final String NUMBER_CHARACTERS = "0123456789+-.EINafinty";

  static final RuleMemo NONE = new RuleMemo(null, (char) 0, false, false);

  private final Outcome outcome;
  private final char firstCharacter;
  private final boolean numbersKeepIt;
  private final boolean lineBreaksKeepIt;

  private RuleMemo(
      Outcome outcome, char firstCharacter, boolean numbersKeepIt, boolean lineBreaksKeepIt) {
    this.outcome = outcome;
    this.firstCharacter = firstCharacter;
    this.numbersKeepIt = numbersKeepIt;
    this.lineBreaksKeepIt = lineBreaksKeepIt;
  }

  /** For a rule that does not read the value: no pattern, or jmx_exporter's {@code cache}. */
  static RuleMemo always(Outcome outcome) {
    return new RuleMemo(outcome, (char) 0, true, true);
  }

  /** For a pattern that matches at the end of any text on one line. */
  static RuleMemo unlessLineBreak(Outcome outcome) {
    return new RuleMemo(outcome, (char) 0, true, false);
  }

  static RuleMemo unlessValueHas(char firstCharacter, Outcome outcome) {
    return new RuleMemo(
        outcome, firstCharacter, NUMBER_CHARACTERS.indexOf(firstCharacter) < 0, false);
  }

  /** The outcome for this value, or null when the rule must be matched against it. */
  Outcome outcomeFor(Object value) {
    if (outcome == null) {
      return null;
    }
    if (value instanceof Number) {
      // A number's text has no line break; it may have the character only if numbers may.
      return numbersKeepIt || value.toString().indexOf(firstCharacter) < 0 ? outcome : null;
    }
    String text = String.valueOf(value);
    if (!lineBreaksKeepIt && Patterns.hasLineBreak(text)) {
      return null;
    }
    return firstCharacter == 0 || text.indexOf(firstCharacter) < 0 ? outcome : null;
  }
}
