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

  /**
   * The JDK's own numbers, whose text is digits, sign, point, exponent, NaN or Infinity; another
   * Number (a library's gauge) may write anything, and is taken as its text.
   */
  private static boolean isJdkNumber(Object value) {
    return isImmutableJdkNumber(value)
        || value instanceof java.util.concurrent.atomic.AtomicInteger
        || value instanceof java.util.concurrent.atomic.AtomicLong;
  }

  /** The JDK's numbers whose equal values have the same text (exactly these classes). */
  static boolean isImmutableJdkNumber(Object value) {
    Class<?> type = value == null ? null : value.getClass();
    return type == Integer.class
        || type == Long.class
        || type == Double.class
        || type == Float.class
        || type == Short.class
        || type == Byte.class
        || type == java.math.BigInteger.class // not a subclass: it may be mutable
        || type == java.math.BigDecimal.class;
  }

  /**
   * Whether the rule matches no value of a kind: any number (or any boolean, {@code true} or {@code
   * false}).
   */
  boolean neverMatches(boolean booleans) {
    if (outcome != Outcome.NO_MATCH) {
      return false;
    }
    if (firstCharacter == 0) {
      return lineBreaksKeepIt; // the rule reads no value
    }
    return booleans ? "truefals".indexOf(firstCharacter) < 0 : numbersKeepIt;
  }

  /** The outcome for this value, or null when the rule must be matched against it. */
  Outcome outcomeFor(Object value) {
    if (outcome == null) {
      return null;
    }
    if (isJdkNumber(value)) {
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
