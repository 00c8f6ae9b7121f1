package io.github.statusexporter.jmxrules;

import static io.github.statusexporter.jmxrules.Scrapes.DEFAULTS;
import static io.github.statusexporter.jmxrules.Scrapes.family;
import static io.github.statusexporter.jmxrules.Scrapes.familyNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jmx_exporter 1.0.1's tests that read the JVM's own MXBeans ({@code java.lang}) next to its test
 * beans: the default format of platform beans, include and exclude lists (and their old names),
 * lower case names. On the platform server, so the beans registered here are unregistered after.
 */
class PlatformBeansTest {
  private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
  private static final List<ObjectName> REGISTERED = new ArrayList<>();

  private static final String CASSANDRA =
      "org_apache_cassandra_concurrent_CONSISTENCY_MANAGER_ActiveCount";
  private static final String CASSANDRA_METRICS = "org_apache_cassandra_metrics_Compaction_Value";
  private static final String HADOOP = "hadoop_DataNode_replaceBlockOpMinTime";
  private static final String CPU_TIME = "java_lang_OperatingSystem_ProcessCpuTime";

  @BeforeAll
  static void registerBeans() throws Exception {
    REGISTERED.add(
        ExampleBeans.register(
            SERVER,
            "org.apache.cassandra.concurrent:type=CONSISTENCY-MANAGER",
            new ExampleBeans.Cassandra()));
    REGISTERED.add(
        ExampleBeans.register(
            SERVER,
            "org.apache.cassandra.metrics:type=Compaction,name=CompletedTasks",
            new ExampleBeans.CassandraMetrics()));
    REGISTERED.add(
        ExampleBeans.register(
            SERVER,
            "hadoop:service=DataNode,name=DataNodeActivity-ams-hdd001-50010",
            new ExampleBeans.Hadoop()));
  }

  @AfterAll
  static void unregisterBeans() throws Exception {
    for (ObjectName name : REGISTERED) {
      SERVER.unregisterMBean(name);
    }
  }

  private static String scrape(String yaml) throws Exception {
    return Scrapes.scrape(SERVER, yaml);
  }

  /**
   * A platform MXBean's attribute description is its name, so the help has no prefix; a composite's
   * items get the composite type's description. The memory pools are registered with {@code name}
   * as their first key property, so the pool's name is in the metric name.
   */
  @Test
  void platformBeansInTheDefaultFormat() throws Exception {
    String text = scrape(DEFAULTS);

    assertThat(family(text, CPU_TIME))
        .startsWith(
            "# HELP java_lang_OperatingSystem_ProcessCpuTime"
                + " java.lang:name=null,type=OperatingSystem,attribute=ProcessCpuTime\n"
                + "# TYPE java_lang_OperatingSystem_ProcessCpuTime untyped\n")
        .containsPattern("\njava_lang_OperatingSystem_ProcessCpuTime [0-9.E]+\n$");
    assertThat(family(text, "java_lang_Memory_HeapMemoryUsage_used"))
        .startsWith(
            "# HELP java_lang_Memory_HeapMemoryUsage_used java.lang.management.MemoryUsage"
                + " java.lang:name=null,type=Memory,attribute=used\n"
                + "# TYPE java_lang_Memory_HeapMemoryUsage_used untyped\n")
        .containsPattern("\njava_lang_Memory_HeapMemoryUsage_used [0-9.E]+\n$");
    assertThat(family(text, "java_lang_Metaspace_Usage_used"))
        .startsWith(
            "# HELP java_lang_Metaspace_Usage_used java.lang.management.MemoryUsage"
                + " java.lang:name=Metaspace,type=MemoryPool,attribute=used\n"
                + "# TYPE java_lang_Metaspace_Usage_used untyped\n")
        .containsPattern("\njava_lang_Metaspace_Usage_used\\{type=\"MemoryPool\"} [0-9.E]+\n$");
    assertThat(family(text, CASSANDRA))
        .isEqualTo(
            "# HELP org_apache_cassandra_concurrent_CONSISTENCY_MANAGER_ActiveCount Attribute"
                + " exposed for management"
                + " org.apache.cassandra.concurrent:name=null,type=CONSISTENCY-MANAGER,attribute=ActiveCount\n"
                + "# TYPE org_apache_cassandra_concurrent_CONSISTENCY_MANAGER_ActiveCount untyped\n"
                + "org_apache_cassandra_concurrent_CONSISTENCY_MANAGER_ActiveCount 100.0\n");
    assertThat(family(text, CASSANDRA_METRICS))
        .endsWith(
            "\norg_apache_cassandra_metrics_Compaction_Value{name=\"CompletedTasks\"}"
                + " 0.20000000298023224\n");
    assertThat(family(text, HADOOP))
        .endsWith(
            "\nhadoop_DataNode_replaceBlockOpMinTime{name=\"DataNodeActivity-ams-hdd001-50010\"}"
                + " 200.0\n");
  }

  /** Listing a pattern twice does not list its beans twice. */
  @ParameterizedTest
  @ValueSource(strings = {"includeObjectNames", "whitelistObjectNames"})
  void onlyIncludedBeansAreRead(String include) throws Exception {
    List<String> names =
        familyNames(
            scrape(
                include + ":\n- java.lang:*\n- java.lang:*\n- org.apache.cassandra.concurrent:*"));

    assertThat(names).contains(CPU_TIME, CASSANDRA).doesNotContain(CASSANDRA_METRICS, HADOOP);
    assertThat(names).filteredOn(name -> !name.startsWith("java_lang_")).containsExactly(CASSANDRA);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "includeObjectNames:\n- java.lang:*\n- org.apache.cassandra.concurrent:*\n"
            + "excludeObjectNames:\n- org.apache.cassandra.concurrent:*",
        "whitelistObjectNames:\n- java.lang:*\n- org.apache.cassandra.concurrent:*\n"
            + "blacklistObjectNames:\n- org.apache.cassandra.concurrent:*"
      })
  void excludedBeansAreNotReadEvenIfIncluded(String yaml) throws Exception {
    List<String> names = familyNames(scrape(yaml));

    assertThat(names).contains(CPU_TIME);
    assertThat(names).allMatch(name -> name.startsWith("java_lang_"));
  }

  @Test
  void lowercaseOutputNameLowersTheDefaultFormat() throws Exception {
    List<String> names = familyNames(scrape("lowercaseOutputName: true"));

    assertThat(names)
        .contains(
            "java_lang_operatingsystem_processcputime",
            "org_apache_cassandra_concurrent_consistency_manager_activecount");
    assertThat(names).allMatch(name -> name.equals(name.toLowerCase(Locale.ROOT)));
  }
}
