package io.github.statusexporter.jmxrules;

import static io.github.statusexporter.jmxrules.Scrapes.collector;
import static io.github.statusexporter.jmxrules.Scrapes.family;
import static io.github.statusexporter.jmxrules.Scrapes.familyNames;
import static io.github.statusexporter.jmxrules.Scrapes.text;
import static io.github.statusexporter.jmxrules.Scrapes.withoutSelfMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.ConfigException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jmx_exporter 1.0.1's tests of rules that match every attribute ({@code pattern: ".*"}), most of
 * them commented out in 1.0.1 but still what its code does: the first matching rule wins, a {@code
 * value} that is no number drops the attribute, {@code valueFactor}, {@code cache}. On a server
 * with two of its beans only (and the server's delegate, whose attributes are strings), so that the
 * whole output can be read. Every attribute gets the same name and no label, so each series gets an
 * {@code _objectname} label; the help is that of the first bean in jmx_exporter's scrape order.
 */
class CatchAllRulesTest {
  private static final MBeanServer SERVER = MBeanServerFactory.newMBeanServer();

  private static final String HADOOP_HELP =
      "Attribute exposed for management"
          + " hadoop:name=DataNodeActivity-ams-hdd001-50010,type=null,attribute=replaceBlockOpMinTime";

  /** Every attribute, the delegate's strings included, as {@code foo} of the given value. */
  private static final String EVERY_ATTRIBUTE_AS_FOO =
      """
      foo{_objectname="JMImplementation<type=MBeanServerDelegate><>ImplementationName"} %1$s
      foo{_objectname="JMImplementation<type=MBeanServerDelegate><>ImplementationVendor"} %1$s
      foo{_objectname="JMImplementation<type=MBeanServerDelegate><>ImplementationVersion"} %1$s
      foo{_objectname="JMImplementation<type=MBeanServerDelegate><>MBeanServerId"} %1$s
      foo{_objectname="JMImplementation<type=MBeanServerDelegate><>SpecificationName"} %1$s
      foo{_objectname="JMImplementation<type=MBeanServerDelegate><>SpecificationVendor"} %1$s
      foo{_objectname="JMImplementation<type=MBeanServerDelegate><>SpecificationVersion"} %1$s
      foo{_objectname="boolean<Type=Test><>False"} %1$s
      foo{_objectname="boolean<Type=Test><>True"} %1$s
      foo{_objectname="hadoop<service=DataNode, name=DataNodeActivity-ams-hdd001-50010><>replaceBlockOpMinTime"} %1$s
      """;

  @BeforeAll
  static void registerBeans() throws Exception {
    ExampleBeans.register(
        SERVER,
        "hadoop:service=DataNode,name=DataNodeActivity-ams-hdd001-50010",
        new ExampleBeans.Hadoop());
    ExampleBeans.register(SERVER, "boolean:Type=Test", new ExampleBeans.Bool());
  }

  private static String scrape(String yaml) throws ConfigException {
    return Scrapes.scrape(SERVER, yaml);
  }

  private static String foo(String help, String samples) {
    return "# HELP foo " + help + "\n# TYPE foo untyped\n" + samples;
  }

  @Test
  void theFirstMatchingRuleStops() throws Exception {
    String text =
        scrape(
            """
            rules:
            - pattern: ".*"
              name: foo
            - pattern: ".*"
              name: bar
            """);

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(
            foo(
                HADOOP_HELP,
                """
                foo{_objectname="boolean<Type=Test><>False"} 0.0
                foo{_objectname="boolean<Type=Test><>True"} 1.0
                foo{_objectname="hadoop<service=DataNode, name=DataNodeActivity-ams-hdd001-50010><>replaceBlockOpMinTime"} 200.0
                """));
  }

  @Test
  void anEmptyNameDropsTheAttributeAndStops() throws Exception {
    String text =
        scrape(
            """
            rules:
            - pattern: ".*"
              name: ''
            - pattern: ".*"
              name: foo
            """);

    assertThat(familyNames(text)).isEmpty();
  }

  /** {@code value:} with nothing is the string "null", which is no number. */
  @Test
  void anEmptyValueDropsEveryAttribute() throws Exception {
    assertThat(familyNames(scrape("rules:\n- pattern: \".*\"\n  name: foo\n  value:"))).isEmpty();
  }

  @Test
  void aValueThatIsNoNumberDropsTheAttributeWithoutTryingLaterRules() throws Exception {
    String text =
        scrape(
            """
            rules:
            - pattern: ".*"
              name: foo
              value: a
            - pattern: ".*"
              name: bar
            """);

    assertThat(familyNames(text)).isEmpty();
  }

  /** A static value exports strings too. */
  @Test
  void aStaticValueReplacesEveryValue() throws Exception {
    String text = scrape("rules:\n- pattern: \".*\"\n  name: foo\n  value: 1");

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(foo(HADOOP_HELP, String.format(EVERY_ATTRIBUTE_AS_FOO, "1.0")));
  }

  @Test
  void valueFactorScalesTheStaticValue() throws Exception {
    String text =
        scrape("rules:\n- pattern: \".*\"\n  name: foo\n  value: 1\n  valueFactor: 0.001");

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(foo(HADOOP_HELP, String.format(EVERY_ATTRIBUTE_AS_FOO, "0.001")));
  }

  @Test
  void anEmptyValueFactorIsOne() throws Exception {
    String text = scrape("rules:\n- pattern: \".*\"\n  name: foo\n  value: 1\n  valueFactor:");

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(foo(HADOOP_HELP, String.format(EVERY_ATTRIBUTE_AS_FOO, "1.0")));
  }

  @Test
  void valueFactorScalesNumbersButNotBooleans() throws Exception {
    String text = scrape("rules:\n- pattern: \".*\"\n  name: foo\n  valueFactor: 0.001");

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(
            foo(
                HADOOP_HELP,
                """
                foo{_objectname="boolean<Type=Test><>False"} 0.0
                foo{_objectname="boolean<Type=Test><>True"} 1.0
                foo{_objectname="hadoop<service=DataNode, name=DataNodeActivity-ams-hdd001-50010><>replaceBlockOpMinTime"} 0.2
                """));
  }

  /**
   * A difference listed in docs/jmx-exporter.md: jmx_exporter 1.0.1 counts only what rules with
   * {@code cache: true} keep (0 here); the agent keeps outcomes without it too, and counts them.
   */
  @Test
  void withoutCacheOutcomesAreKeptAndCountedAllTheSame() throws Exception {
    JmxRulesCollector collector =
        collector(SERVER, "rules:\n- pattern: \".*\"\n  name: foo\n  value: 1\n  valueFactor: 4");
    collector.collect();
    String second = text(collector.collect());

    assertThat(family(second, "jmx_scrape_cached_beans"))
        .endsWith("\njmx_scrape_cached_beans 10.0\n");
    assertThat(withoutSelfMetrics(second))
        .isEqualTo(foo(HADOOP_HELP, String.format(EVERY_ATTRIBUTE_AS_FOO, "4.0")));
  }

  /** One cache entry per attribute that the rule saw. */
  @Test
  void aCachedRuleGivesTheSameSeriesAndCountsItsBeans() throws Exception {
    JmxRulesCollector collector =
        collector(
            SERVER,
            "rules:\n- pattern: \".*\"\n  name: foo\n  value: 1\n  valueFactor: 4\n  cache: true");
    String first = text(collector.collect());
    String second = text(collector.collect());

    assertThat(family(second, "jmx_scrape_cached_beans"))
        .endsWith("\njmx_scrape_cached_beans 10.0\n");
    assertThat(withoutSelfMetrics(first))
        .isEqualTo(foo(HADOOP_HELP, String.format(EVERY_ATTRIBUTE_AS_FOO, "4.0")));
    assertThat(withoutSelfMetrics(second)).isEqualTo(withoutSelfMetrics(first));
  }

  @Test
  void aCachedRuleKeepsItsHelpAcrossScrapes() throws Exception {
    JmxRulesCollector collector =
        collector(
            SERVER,
            """
            rules:
            - pattern: ".*"
              name: foo
              value: 1
              valueFactor: 4
              cache: true
              help: help message
            """);
    collector.collect();

    assertThat(withoutSelfMetrics(text(collector.collect())))
        .isEqualTo(foo("help message", String.format(EVERY_ATTRIBUTE_AS_FOO, "4.0")));
  }

  /**
   * The cache holds misses too: the nine attributes that the first rule does not match count once
   * for it and once for the second rule, the Hadoop one once.
   */
  @Test
  void theCacheCountsMissesToo() throws Exception {
    JmxRulesCollector collector =
        collector(
            SERVER,
            """
            rules:
            - pattern: "^hadoop<"
              name: foo
              cache: true
            - pattern: ".*"
              name: bar
              cache: true
            """);
    collector.collect();
    String second = text(collector.collect());

    assertThat(family(second, "jmx_scrape_cached_beans"))
        .endsWith("\njmx_scrape_cached_beans 19.0\n");
    // The family's help is its first sample's: True or False, whichever attribute the MBean's
    // description lists first, which follows HotSpot's order of the getters' methods (by the
    // address of their names' symbols: it changes with what the JVM loaded before).
    assertThat(withoutSelfMetrics(second).replace("attribute=False\n", "attribute=True\n"))
        .isEqualTo(
            """
            # HELP bar Attribute exposed for management boolean:name=null,type=null,attribute=True
            # TYPE bar untyped
            bar{_objectname="boolean<Type=Test><>False"} 0.0
            bar{_objectname="boolean<Type=Test><>True"} 1.0
            # HELP foo Attribute exposed for management hadoop:name=DataNodeActivity-ams-hdd001-50010,type=null,attribute=replaceBlockOpMinTime
            # TYPE foo untyped
            foo 200.0
            """);
  }
}
