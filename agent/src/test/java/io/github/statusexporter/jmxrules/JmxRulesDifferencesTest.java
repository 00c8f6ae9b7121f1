package io.github.statusexporter.jmxrules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where jmx_exporter would fail a whole scrape, or could not tell, the collector leaves out the one
 * family or attribute, says so once, and sets {@code jmx_scrape_error}.
 */
class JmxRulesDifferencesTest {
  /** An MBean with a number, a string, and a value of a type no rule can use. */
  public interface ThingMBean {
    int getCount();

    String getName();

    Object getOdd();
  }

  public static final class Thing implements ThingMBean {
    int oddReads;
    int countReads;

    @Override
    public int getCount() {
      countReads++;
      return 7;
    }

    @Override
    public String getName() {
      return "seven";
    }

    @Override
    public Object getOdd() {
      oddReads++;
      return new StringBuilder("not a type jmx_exporter reads");
    }
  }

  private final MBeanServer server = MBeanServerFactory.newMBeanServer();
  private final List<String> lines = new ArrayList<>();
  private final Thing thing = new Thing();

  @BeforeEach
  void register() throws Exception {
    server.registerMBean(thing, new ObjectName("test:type=Thing,name=a"));
  }

  @Test
  void theDefaultFormatOfAnMBean() throws Exception {
    String text = text(collector("{}").collect());
    assertThat(text)
        .contains(
            "# HELP test_Thing_Count Attribute exposed for management"
                + " test:name=a,type=Thing,attribute=Count\n"
                + "# TYPE test_Thing_Count untyped\n"
                + "test_Thing_Count{name=\"a\"} 7.0\n")
        .doesNotContain("Name")
        .contains("jmx_scrape_error 0.0");
  }

  @Test
  void aLabelNameClientJavaRefusesLeavesOutItsFamilyOnly() throws Exception {
    JmxRulesCollector collector =
        collector(
            "rules:\n- pattern: 'test<type=Thing, name=(\\w+)><>Count'\n  name: bad\n"
                + "  labels: {'a:b': $1}\n- pattern: '.*'\n");
    String text = text(collector.collect());
    text(collector.collect());
    assertThat(text).doesNotContain("bad{").contains("jmx_scrape_error 1.0");
    assertThat(lines)
        .containsExactly(
            "the family bad of the jmx_exporter rules is left out: a label name is not valid or"
                + " given twice (jmx_exporter would fail the whole scrape)");
  }

  @Test
  void aReplacementNamingAMissingGroupLeavesOutTheAttribute() throws Exception {
    JmxRulesCollector collector =
        collector(
            "rules:\n- pattern: 'test<type=Thing, name=(\\w+)><>Count'\n  name: count_$2\n"
                + "- pattern: 'test<type=Thing, name=(\\w+)><>(Name): (\\w+)'\n  name: info\n"
                + "  value: 1\n  labels: {value: $3}\n");
    String text = text(collector.collect());
    assertThat(text).contains("info{value=\"seven\"} 1.0").contains("jmx_scrape_error 1.0");
    assertThat(lines)
        .singleElement()
        .asString()
        .startsWith("rule name 'count_$2' cannot be applied");
  }

  @Test
  void aFamilyNamedLikeOneOfTheAgentsIsLeftOut() throws Exception {
    JmxRulesCollector collector =
        collector(
            "rules:\n- pattern: 'test<type=Thing, name=(\\w+)><>Count'\n  name: jvm_threads_current\n");
    collector.takenNames(Set.of("jvm_threads_current"));
    assertThat(text(collector.collect())).doesNotContain("jvm_threads_current");
    // Its own self-metrics too, though no other collector has them.
    JmxRulesCollector self =
        collector(
            "rules:\n- pattern: 'test<type=Thing, name=(\\w+)><>Count'\n  name: jmx_scrape_error\n");
    assertThat(text(self.collect())).contains("jmx_scrape_error 0.0\n");
    lines.remove(lines.size() - 1);
    assertThat(lines)
        .containsExactly(
            "the family jvm_threads_current of the jmx_exporter rules is left out: the agent's own"
                + " family has that name; rename it in the rule");
  }

  @Test
  void aValueOfATypeNoRuleCanUseIsNotReadAgain() throws Exception {
    JmxRulesCollector collector = collector("{}");
    collector.collect();
    collector.collect();
    collector.collect();
    assertThat(thing.oddReads).isEqualTo(1);
    thing.oddReads = 0;
    JmxRulesCollector keeping = collector("autoExcludeObjectNameAttributes: false\n");
    keeping.collect();
    keeping.collect();
    assertThat(thing.oddReads).isEqualTo(2);
  }

  /** jmx_exporter reads it and drops it at every scrape; the agent stops reading it. */
  @Test
  void aNumberNoRuleCanMatchIsNotReadAgain() throws Exception {
    JmxRulesCollector collector =
        collector("rules:\n- pattern: 'Shop<type=Thing, name=(\\w+)><>(\\w+)'\n  name: shop_$2\n");
    collector.collect();
    collector.collect();
    collector.collect();
    assertThat(thing.countReads).isEqualTo(1);
    // A rule that may match a number: read at every scrape.
    thing.countReads = 0;
    JmxRulesCollector matching =
        collector("rules:\n- pattern: 'test<type=Thing, name=(\\w+)><>(\\w+)'\n  name: t_$2\n");
    String text = text(matching.collect());
    text(matching.collect());
    assertThat(text).contains("t_Count{} 7.0".replace("{}", ""));
    assertThat(thing.countReads).isEqualTo(2);
  }

  /**
   * The OperatingSystem MBean's deprecated attributes are read through those they stand for (the
   * JDK's getter of each calls the other's), once per scrape: same series, same values.
   */
  @Test
  void deprecatedOperatingSystemAttributesAreReadOnce() throws Exception {
    // The platform server, recording the attributes asked of the OperatingSystem MBean.
    MBeanServer platform = java.lang.management.ManagementFactory.getPlatformMBeanServer();
    List<String> asked = new ArrayList<>();
    MBeanServer recording =
        (MBeanServer)
            java.lang.reflect.Proxy.newProxyInstance(
                MBeanServer.class.getClassLoader(),
                new Class<?>[] {MBeanServer.class},
                (proxy, method, arguments) -> {
                  if (method.getName().equals("getAttributes")) {
                    asked.addAll(List.of((String[]) arguments[1]));
                  }
                  try {
                    return method.invoke(platform, arguments);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    JmxRulesCollector collector =
        new JmxRulesCollector(
            recording,
            JmxExporterConfig.parse("includeObjectNames: ['java.lang:type=OperatingSystem']\n"),
            lines::add);
    String text = text(collector.collect());
    for (String[] pair :
        new String[][] {
          {"FreePhysicalMemorySize", "FreeMemorySize"},
          {"TotalPhysicalMemorySize", "TotalMemorySize"},
          {"SystemCpuLoad", "CpuLoad"}
        }) {
      assertThat(value(text, "java_lang_OperatingSystem_" + pair[0]))
          .isEqualTo(value(text, "java_lang_OperatingSystem_" + pair[1]));
    }
    assertThat(asked)
        .contains("FreeMemorySize", "TotalMemorySize", "CpuLoad")
        .doesNotContain("FreePhysicalMemorySize", "TotalPhysicalMemorySize", "SystemCpuLoad");
    // Each keeps its own help, named after itself.
    assertThat(text)
        .contains(
            "# HELP java_lang_OperatingSystem_SystemCpuLoad"
                + " java.lang:name=null,type=OperatingSystem,attribute=SystemCpuLoad\n");
  }

  private static String value(String text, String series) {
    return java.util.Arrays.stream(text.split("\n"))
        .filter(line -> line.startsWith(series + " "))
        .map(line -> line.substring(series.length() + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " not in " + text));
  }

  @Test
  void outcomesKeptFromAnEarlierScrapeAreCountedAndReloadsToo() throws Exception {
    JmxRulesCollector collector = collector("{}");
    assertThat(text(collector.collect())).contains("jmx_scrape_cached_beans 0.0");
    // The Thing's count and name, and the seven strings of the MBean server's own delegate.
    assertThat(text(collector.collect())).contains("jmx_scrape_cached_beans 9.0");
    collector.reload(JmxExporterConfig.parse("rules: []\n"));
    collector.reloadFailed();
    String text = text(collector.collect());
    assertThat(text)
        .doesNotContain("test_Thing")
        .contains("jmx_config_reload_success_total 1.0")
        .contains("jmx_config_reload_failure_total 1.0");
  }

  private JmxRulesCollector collector(String yaml) throws Exception {
    return new JmxRulesCollector(server, JmxExporterConfig.parse(yaml), lines::add);
  }

  static String text(MetricSnapshots snapshots) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots);
    return out.toString(StandardCharsets.UTF_8);
  }
}
