package io.github.statusexporter.jmxrules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What a rule decided for an MBean value is kept for later values only where the value cannot
 * change it: for many patterns, MBean names and values, the outcome with what is kept must be the
 * outcome of matching afresh, as jmx_exporter does at every scrape.
 */
class RuleChainMemoTest {
  private static final List<String> PATTERNS =
      List.of(
          ".*",
          "(.*)",
          "java.lang<type=(\\w+)><(\\w*)>(\\w+): (\\d+)",
          "java.lang<type=(\\w+)><(\\w*)>(\\w+)",
          "Catalina<type=GlobalRequestProcessor, name=\\\"(\\w+-\\w+)-(\\d+)\\\"><>(\\w+):",
          "Catalina<type=Server><>serverInfo: (.+)",
          "x<a=b><>v: 4\\d+",
          "(\\d+)",
          "1",
          "a|1",
          ":",
          ": (.*)",
          "x<(.+)>",
          "^x<",
          "v: (1|2)",
          "v(: )?",
          "N",
          "e",
          "<>v",
          "(?<kind>\\w+)<a=(?<a>[^>]*)>",
          "[^:]+: -",
          "x<a=b><>v: (true|false)$",
          "Catalina<type=Server><>(\\w+)",
          "Catalina<type=(\\w+), name=([-a-zA-Z0-9+/$%~_-|!.]*)><>(requestCount|stateName):",
          "x1<a=([^>]+)><>[$N](v)",
          "x\\b",
          "(?=x)x<",
          "x<a=b><>v: [0-9]",
          "x\\Q(\\E|y(\\w)",
          "x[](]|y(\\w)",
          "v:(\\X)",
          "q(\\w*)");

  private static final List<Leaf> LEAVES = leaves();

  @Test
  void keptOutcomesAreThoseOfMatchingAfresh() throws Exception {
    Random random = new Random(20261206);
    for (int p = 0; p < PATTERNS.size() * 2; p++) {
      String pattern = PATTERNS.get(p / 2);
      JmxExporterConfig config = config(pattern, p % 2 == 1);
      RuleChain kept = new RuleChain(config);
      List<Leaf> leaves = freshLeaves(kept.size());
      for (int round = 0; round < 200; round++) {
        Object value = value(random);
        for (int i = 0; i < leaves.size(); i++) {
          Leaf fresh = freshLeaves(kept.size()).get(i);
          Outcome expected = new RuleChain(config).apply(fresh, value, new ScrapeCounts());
          Outcome actual = kept.apply(leaves.get(i), value, new ScrapeCounts());
          assertThat(describe(actual))
              .as("pattern %s, input %s: %s", pattern, fresh.prefix(false), value)
              .isEqualTo(describe(expected));
        }
      }
    }
  }

  @Test
  void valuesThatCannotChangeTheOutcomeAreNotMatchedAgain() throws Exception {
    RuleChain chain =
        new RuleChain(
            JmxExporterConfig.parse(
                "rules:\n- pattern: 'java.lang<type=(\\w+)><(\\w*)>(\\w+)'\n  name: jvm_$1_$3\n"));
    Leaf leaf = LEAVES.get(0);
    chain.apply(leaf, 1, new ScrapeCounts());
    ScrapeCounts counts = new ScrapeCounts();
    for (int value = 0; value < 100; value++) {
      chain.apply(leaf, value * 1.5, counts);
    }
    assertThat(counts.matched).isZero();
    assertThat(counts.memoized).isEqualTo(100);
  }

  @Test
  void aValueEqualToTheLastMatchedIsNotMatchedAgainAndGetsTheSameOutcome() throws Exception {
    RuleChain chain =
        new RuleChain(
            JmxExporterConfig.parse(
                "rules:\n- pattern: 'Catalina<type=Server><>serverInfo: (.+)'\n"
                    + "  name: tomcat_serverinfo\n  value: 1\n  labels:\n    serverInfo: \"$1\"\n"));
    Leaf leaf = LEAVES.get(3);
    Outcome first = chain.apply(leaf, "Apache Tomcat/11", new ScrapeCounts());
    ScrapeCounts counts = new ScrapeCounts();
    for (int scrape = 0; scrape < 10; scrape++) {
      assertThat(chain.apply(leaf, new String("Apache Tomcat/11"), counts)).isSameAs(first);
    }
    assertThat(counts.matched).isZero();
    assertThat(counts.memoized).isEqualTo(10);

    Outcome next = chain.apply(leaf, "Apache Tomcat/12", counts);
    assertThat(counts.matched).isEqualTo(1);
    assertThat(next.labels.get("serverInfo")).isEqualTo("Apache Tomcat/12");
    String longText = "x".repeat(Leaf.MAX_KEPT_TEXT + 1);
    chain.apply(leaf, longText, counts);
    chain.apply(leaf, longText, counts);
    assertThat(counts.matched).isEqualTo(3); // too long to keep: matched each time
  }

  /**
   * The pattern, named and labelled by each of its groups (and by {@code $0}, the whole input, in
   * every other configuration), then a rule with a value of its own for what it leaves.
   */
  private static JmxExporterConfig config(String pattern, boolean wholeInput) throws Exception {
    int groups = java.util.regex.Pattern.compile(pattern).matcher("").groupCount();
    StringBuilder labels = new StringBuilder();
    for (int group = 1; group <= groups; group++) {
      labels.append("    g").append(group).append(": \"$").append(group).append("\"\n");
    }
    if (wholeInput) {
      labels.append("    all: \"$0\"\n");
    }
    return JmxExporterConfig.parse(
        "rules:\n- pattern: '"
            + pattern.replace("'", "''")
            + "'\n  name: m"
            + (groups > 0 ? "_$1" : "")
            + "\n"
            + (labels.length() > 0 ? "  labels:\n" + labels : "")
            + "- pattern: 'x'\n  value: 1\n");
  }

  private static List<Leaf> leaves() {
    return freshLeaves(1);
  }

  private static List<Leaf> freshLeaves(int rules) {
    List<Leaf> leaves = new ArrayList<>();
    leaves.add(
        leaf("java.lang", props("type", "Memory"), List.of("HeapMemoryUsage"), "used", rules));
    leaves.add(leaf("x", props("a", "b"), List.of(), "v", rules));
    leaves.add(
        leaf(
            "Catalina",
            props("type", "GlobalRequestProcessor", "name", "\"http-nio-8080\""),
            List.of(),
            "requestCount",
            rules));
    leaves.add(leaf("Catalina", props("type", "Server"), List.of(), "serverInfo", rules));
    leaves.add(leaf("x1", props("a", "1: 2"), List.of(), "Nv", rules));
    return leaves;
  }

  private static Leaf leaf(
      String domain,
      LinkedHashMap<String, String> props,
      List<String> keys,
      String name,
      int rules) {
    return new Leaf(domain, props, keys, name, "description", rules);
  }

  private static LinkedHashMap<String, String> props(String... pairs) {
    LinkedHashMap<String, String> props = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      props.put(pairs[i], pairs[i + 1]);
    }
    return props;
  }

  /** A mutable number handed again and again, each time with another value. */
  private static final java.util.concurrent.atomic.AtomicLong MUTABLE =
      new java.util.concurrent.atomic.AtomicLong();

  private static Object value(Random random) {
    switch (random.nextInt(12)) {
      case 11:
        MUTABLE.set(random.nextInt(3) + 40);
        return MUTABLE;
      case 9:
        return List.of("yes", "yak", "\u0301abc").get(random.nextInt(3));
      case 10:
        return new TextNumber("7q" + random.nextInt(3));
      case 0:
        return random.nextInt(10);
      case 1:
        return (long) random.nextInt(100000) - 50000;
      case 2:
        return random.nextDouble() * Math.pow(10, random.nextInt(30) - 10);
      case 3:
        return random.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY;
      case 4:
        return random.nextBoolean();
      case 5:
        return List.of("Apache Tomcat/11", "1", "a:b", "", "x<", "4", "N/A").get(random.nextInt(7));
      case 6:
        return "line\nbreak " + random.nextInt(3);
      case 7:
        return 40 + random.nextInt(20);
      default:
        return -random.nextInt(3);
    }
  }

  /** A library's Number, whose text is its own (a Yammer-style gauge). */
  private static final class TextNumber extends Number {
    private static final long serialVersionUID = 1L;
    private final String text;

    TextNumber(String text) {
      this.text = text;
    }

    @Override
    public int intValue() {
      return 7;
    }

    @Override
    public long longValue() {
      return 7;
    }

    @Override
    public float floatValue() {
      return 7;
    }

    @Override
    public double doubleValue() {
      return 7;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static String describe(Outcome outcome) {
    if (outcome == Outcome.NO_MATCH) {
      return "no match";
    }
    if (outcome == Outcome.DROPPED) {
      return "dropped";
    }
    return outcome.name
        + " "
        + outcome.type
        + " "
        + outcome.help
        + " "
        + outcome.labels
        + " "
        + outcome.value
        + " "
        + outcome.valueFactor
        + " "
        + outcome.prefix;
  }
}
