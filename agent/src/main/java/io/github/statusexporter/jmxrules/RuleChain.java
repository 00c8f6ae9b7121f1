package io.github.statusexporter.jmxrules;

import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import io.github.statusexporter.config.jmxexporter.JmxRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration's rules applied in order to each MBean value, the first that matches deciding,
 * as in jmx_exporter; what a rule decides for a value is kept on its {@link Leaf} for as long as
 * {@link RuleMemo} says it holds, or else for as long as the value stays the same, so most values
 * of a scrape are not matched again.
 */
final class RuleChain {
  private final List<JmxRule> rules;
  private final Patterns[] patterns;

  /** Whether a rule's replacements use {@code $0}, the whole pattern input with its value. */
  private final boolean[] usesWholeInput;

  private final RuleOutcomes outcomes;

  RuleChain(JmxExporterConfig config) {
    this.rules = config.rules();
    this.patterns = new Patterns[rules.size()];
    this.usesWholeInput = new boolean[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      JmxRule rule = rules.get(i);
      patterns[i] = rule.patternText().map(Patterns::of).orElse(null);
      List<String> replacements = new ArrayList<>(rule.labelNames());
      replacements.addAll(rule.labelValues());
      rule.name().ifPresent(replacements::add);
      rule.help().ifPresent(replacements::add);
      rule.value().ifPresent(replacements::add);
      usesWholeInput[i] = replacements.stream().anyMatch(text -> text.contains("$0"));
    }
    this.outcomes = new RuleOutcomes(config);
  }

  int size() {
    return rules.size();
  }

  /**
   * The outcome of the first rule that matches the value; {@link Outcome#NO_MATCH} when none does.
   *
   * @param value a Number, String or Boolean, as jmx_exporter hands them to its rules
   */
  Outcome apply(Leaf leaf, Object value, ScrapeCounts counts) {
    leaf.lastWasNumber = value instanceof Number;
    leaf.lastWasBoolean = value instanceof Boolean;
    Outcome same = leaf.outcomeForSameValue(value);
    if (same != null) {
      counts.memoized += leaf.rulesConsulted(); // as if each had kept its outcome
      return same;
    }
    int matchedBefore = counts.matched;
    int memoizedBefore = counts.memoized;
    Outcome outcome = applyInOrder(leaf, value, counts);
    if (counts.matched > matchedBefore) {
      leaf.matched(
          value, outcome, counts.matched - matchedBefore + counts.memoized - memoizedBefore);
    }
    return outcome;
  }

  private Outcome applyInOrder(Leaf leaf, Object value, ScrapeCounts counts) {
    for (int i = 0; i < rules.size(); i++) {
      JmxRule rule = rules.get(i);
      RuleMemo memo = leaf.memos[i];
      Outcome outcome = memo == null ? null : memo.outcomeFor(value);
      if (outcome != null) {
        counts.memoized++;
      } else {
        outcome = outcomes.apply(rule, leaf, input(rule, leaf, value));
        counts.matched++;
        if (memo == null) {
          leaf.memos[i] = memo(i, rule, leaf, outcome);
        }
      }
      if (outcome != Outcome.NO_MATCH) {
        return outcome;
      }
    }
    return Outcome.NO_MATCH;
  }

  /** jmx_exporter's pattern input: {@code domain<properties><keys>attribute: value}. */
  private static String input(JmxRule rule, Leaf leaf, Object value) {
    return leaf.prefix(rule.attrNameSnakeCase()) + ": " + (rule.cache() ? "<cache>" : value);
  }

  /** For how many later values the outcome just found holds (see {@link Patterns}). */
  private RuleMemo memo(int index, JmxRule rule, Leaf leaf, Outcome outcome) {
    if (rule.cache() || rule.pattern().isEmpty()) {
      return RuleMemo.always(outcome); // the value is not in what it matches
    }
    String prefix = leaf.prefix(rule.attrNameSnakeCase());
    if (usesWholeInput[index] || Patterns.hasLineBreak(prefix)) {
      return RuleMemo.NONE;
    }
    Patterns pattern = patterns[index];
    String constant = prefix + ": ";
    if (pattern.matchesAtEnd()) {
      return RuleMemo.unlessLineBreak(outcomes.apply(rule, leaf, constant));
    }
    if (!pattern.isDecidable()) {
      return RuleMemo.NONE;
    }
    switch (pattern.within(constant)) {
      case MATCH:
        return RuleMemo.unlessValueHas(
            pattern.firstCharacter(), outcomes.apply(rule, leaf, constant));
      case NO_MATCH:
        return RuleMemo.unlessValueHas(pattern.firstCharacter(), Outcome.NO_MATCH);
      default:
        return RuleMemo.NONE;
    }
  }
}
