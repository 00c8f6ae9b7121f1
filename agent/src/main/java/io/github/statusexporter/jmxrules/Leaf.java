package io.github.statusexporter.jmxrules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value of an MBean as jmx_exporter sees it: the bean's domain and key properties (with a table
 * row's index added), the keys of the composite or table it sits in, and its own name. It keeps
 * what rules made of it, so that a scrape does not match the same text again.
 */
final class Leaf {
  /**
   * Values longer than this are matched afresh each time rather than kept: the texts of a few
   * attributes (a configuration dump, a class path) are long, and kept they would stay in memory.
   */
  static final int MAX_KEPT_TEXT = 1024;

  final String domain;
  final LinkedHashMap<String, String> properties;
  final List<String> attrKeys;
  final String attrName;

  /** jmx_exporter's automatic help, the default of rules without {@code help}. */
  final String help;

  /** What each rule of the configuration made of this value, decided at its first scrape. */
  final RuleMemo[] memos;

  /**
   * The last value some rule had to be matched against afresh, when of a type whose equal values
   * have the same text (not a mutable number, which could say another thing while equal to itself),
   * and the rules' outcome for it; null until then.
   */
  private Object matchedValue;

  private Outcome matchedOutcome;

  /** How many rules were tried for it, the last one deciding. */
  private int matchedRules;

  private final String beanName;
  private String prefix;
  private String snakePrefix;

  Leaf(
      String domain,
      LinkedHashMap<String, String> properties,
      List<String> attrKeys,
      String attrName,
      String description,
      int rules) {
    this.domain = domain;
    this.properties = properties;
    this.attrKeys = attrKeys;
    this.attrName = attrName;
    this.memos = new RuleMemo[rules];
    this.beanName =
        domain + angleBrackets(properties.toString()) + angleBrackets(attrKeys.toString());
    String automatic =
        domain
            + ":name="
            + properties.get("name")
            + ",type="
            + properties.get("type")
            + ",attribute="
            + attrName;
    this.help =
        description != null && !description.equals(attrName)
            ? description + " " + automatic
            : automatic;
  }

  /** {@code {a=b, c=d}} and {@code [x, y]} as jmx_exporter writes them: {@code <a=b, c=d>}. */
  private static String angleBrackets(String text) {
    return "<" + text.substring(1, text.length() - 1) + ">";
  }

  /**
   * The pattern input without its value, {@code domain<k=v, ...><keys>attribute}, with the
   * attribute in snake_case for rules that ask for it.
   */
  String prefix(boolean snakeCase) {
    if (snakeCase) {
      if (snakePrefix == null) {
        snakePrefix = beanName + JmxNames.snakeCase(attrName);
      }
      return snakePrefix;
    }
    if (prefix == null) {
      prefix = beanName + attrName;
    }
    return prefix;
  }

  /** The rules' outcome for the last value matched afresh, if {@code value} equals it. */
  Outcome outcomeForSameValue(Object value) {
    Object last = matchedValue;
    return last != null
            && value != null
            && last.getClass() == value.getClass()
            && last.equals(value)
        ? matchedOutcome
        : null;
  }

  /** How many rules were tried for the value {@link #outcomeForSameValue} answered for. */
  int rulesConsulted() {
    return matchedRules;
  }

  /**
   * Keeps the rules' outcome for a value some rule was matched against, for the next equal one.
   *
   * @param rules how many rules were tried, the last one deciding
   */
  void matched(Object value, Outcome outcome, int rules) {
    boolean keep =
        textFollowsEquality(value)
            && !(value instanceof String && ((String) value).length() > MAX_KEPT_TEXT);
    matchedValue = keep ? value : null;
    matchedOutcome = keep ? outcome : null;
    matchedRules = rules;
  }

  private static boolean textFollowsEquality(Object value) {
    return value instanceof String
        || value instanceof Boolean
        || RuleMemo.isImmutableJdkNumber(value);
  }

  /** Whether the last value the rules saw was a number, a boolean (or neither). */
  boolean lastWasNumber;

  boolean lastWasBoolean;

  /**
   * Whether every rule holds a kept outcome of no match for any value of the last one's kind, a
   * number or a boolean.
   */
  boolean neverMatches() {
    if (!lastWasNumber && !lastWasBoolean) {
      return false;
    }
    for (RuleMemo memo : memos) {
      if (memo == null || !memo.neverMatches(lastWasBoolean)) {
        return false;
      }
    }
    return true;
  }

  /** The attribute name as a rule names it. */
  String attrName(boolean snakeCase) {
    return snakeCase ? JmxNames.snakeCase(attrName) : attrName;
  }

  /** The first key property's value, which jmx_exporter's default format puts in the name. */
  String firstPropertyValue() {
    return properties.isEmpty() ? null : properties.values().iterator().next();
  }

  /** The key properties after the first: the default format's labels. */
  Iterable<Map.Entry<String, String>> labelProperties() {
    return () -> {
      java.util.Iterator<Map.Entry<String, String>> entries = properties.entrySet().iterator();
      if (entries.hasNext()) {
        entries.next();
      }
      return entries;
    };
  }
}
