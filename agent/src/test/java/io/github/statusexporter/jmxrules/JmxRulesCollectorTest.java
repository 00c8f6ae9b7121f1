package io.github.statusexporter.jmxrules;

import static io.github.statusexporter.jmxrules.Scrapes.DEFAULTS;
import static io.github.statusexporter.jmxrules.Scrapes.family;
import static io.github.statusexporter.jmxrules.Scrapes.familyNames;
import static io.github.statusexporter.jmxrules.Scrapes.withoutSelfMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.statusexporter.config.ConfigException;
import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jmx_exporter 1.0.1's {@code JmxCollectorTest} (Apache-2.0), on its own beans: each rule and the
 * series it gives, as the text a Prometheus server reads. The expected texts are what jmx_exporter
 * 1.0.1's collector printed for the same rules and beans, help and order included. Its tests of the
 * platform beans are in {@link PlatformBeansTest}, its catch-all ones in {@link CatchAllRulesTest}.
 */
class JmxRulesCollectorTest {
  private static final MBeanServer SERVER = MBeanServerFactory.newMBeanServer();

  /** The pattern input of the Hadoop bean's one attribute, from the start up to its value. */
  private static final String HADOOP =
      "^hadoop<service=DataNode, name=DataNodeActivity-ams-hdd001-50010><>replaceBlockOpMinTime:";

  private static final String HADOOP_HELP =
      "Attribute exposed for management"
          + " hadoop:name=DataNodeActivity-ams-hdd001-50010,type=null,attribute=replaceBlockOpMinTime";

  @BeforeAll
  static void registerBeans() throws Exception {
    ExampleBeans.registerAll(SERVER);
    OpenDataBeans.registerAll(SERVER);
  }

  private static String scrape(String yaml) throws ConfigException {
    return Scrapes.scrape(SERVER, yaml);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rules:\n- help: foo", // help needs a name
        "rules:\n- labels: {}", // so do labels
        "rules:\n- name: foo" // and a name needs a pattern
      })
  void aRuleMissingWhatItsKeysNeedIsRejected(String yaml) {
    assertThatThrownBy(() -> JmxExporterConfig.parse(yaml)).isInstanceOf(ConfigException.class);
  }

  @Test
  void nameIsReplacedOnMatch() throws Exception {
    String text = scrape("rules:\n- pattern: \"" + HADOOP + "\"\n  name: foo");

    assertThat(family(text, "foo"))
        .isEqualTo("# HELP foo " + HADOOP_HELP + "\n# TYPE foo untyped\nfoo 200.0\n");
  }

  @Test
  void snakeCaseAttributeNameIsWhatThePatternSeesButNotTheHelp() throws Exception {
    String text =
        scrape(
            "rules:\n"
                + "- pattern: \"^hadoop<service=DataNode, name=DataNodeActivity-ams-hdd001-50010>"
                + "<>replace_block_op_min_time:\"\n"
                + "  name: foo\n"
                + "  attrNameSnakeCase: true");

    assertThat(family(text, "foo"))
        .isEqualTo("# HELP foo " + HADOOP_HELP + "\n# TYPE foo untyped\nfoo 200.0\n");
  }

  @Test
  void labelsAreSet() throws Exception {
    String text = scrape("rules:\n- pattern: \"" + HADOOP + "\"\n  name: foo\n  labels:\n    l: v");

    assertThat(family(text, "foo")).endsWith("\nfoo{l=\"v\"} 200.0\n");
  }

  @Test
  void labelsWithAnEmptyNameOrValueAreLeftOut() throws Exception {
    String text =
        scrape(
            "rules:\n- pattern: \"" + HADOOP + "\"\n  name: foo\n  labels:\n    '': v\n    l: ''");

    assertThat(family(text, "foo"))
        .isEqualTo("# HELP foo " + HADOOP_HELP + "\n# TYPE foo untyped\nfoo 200.0\n");
  }

  @Test
  void lowercaseOutputNameLowersTheName() throws Exception {
    String text =
        scrape("lowercaseOutputName: true\nrules:\n- pattern: \"" + HADOOP + "\"\n  name: Foo");

    assertThat(familyNames(text)).containsExactly("foo");
  }

  @Test
  void lowercaseOutputLabelNamesLowersLabelNamesButNotValuesNorTheName() throws Exception {
    String text =
        scrape(
            "lowercaseOutputLabelNames: true\nrules:\n- pattern: \""
                + HADOOP
                + "\"\n  name: Foo\n  labels:\n    ABC: DEF");

    assertThat(family(text, "Foo"))
        .isEqualTo("# HELP Foo " + HADOOP_HELP + "\n# TYPE Foo untyped\nFoo{abc=\"DEF\"} 200.0\n");
  }

  @Test
  void nameAndLabelsComeFromThePatternsGroups() throws Exception {
    String text =
        scrape(
            """
            rules:
            - pattern: "^hadoop<(service)=(DataNode), name=DataNodeActivity-ams-hdd001-50010><>(replaceBlockOpMinTime):"
              name: hadoop_$3
              labels:
                "$1": "$2"
            """);

    assertThat(family(text, "hadoop_replaceBlockOpMinTime"))
        .endsWith("\nhadoop_replaceBlockOpMinTime{service=\"DataNode\"} 200.0\n");
  }

  @Test
  void nameAndLabelNameAreMadeSafeButTheLabelValueIsKeptAsIs() throws Exception {
    String text =
        scrape(
            """
            rules:
            - pattern: "^(hadoop<service=DataNode, )name=DataNodeActivity-ams-hdd001-50010><>replaceBlockOpMinTime:"
              name: "$1"
              labels:
                "$1": "$1"
            """);

    assertThat(family(text, "hadoop_service_DataNode_"))
        .endsWith(
            "\nhadoop_service_DataNode_{hadoop_service_DataNode_=\"hadoop<service=DataNode, \"}"
                + " 200.0\n");
  }

  /** Commented out in 1.0.1 (written for the old client); the code still does it. */
  @Test
  void helpComesFromThePatternsGroups() throws Exception {
    String text =
        scrape(
            """
            rules:
            - pattern: "^(hadoop)<service=DataNode, name=DataNodeActivity-ams-hdd001-50010><>replaceBlockOpMinTime:"
              name: foo
              help: bar $1
            """);

    assertThat(family(text, "foo"))
        .isEqualTo("# HELP foo bar hadoop\n# TYPE foo untyped\nfoo 200.0\n");
  }

  /**
   * Without rules, every bean in the default format: the domain, the first key property's value and
   * the attribute make the name, the other key properties the labels (quoted values keep their
   * quotes), composites and tables add their keys. Strings and enums give no series.
   */
  @Test
  void withoutRulesEveryBeanIsExportedInTheDefaultFormat() throws Exception {
    assertThat(withoutSelfMetrics(scrape(DEFAULTS)))
        .isEqualTo(
            """
            # HELP Catalina_Servlet_RequestCount Attribute exposed for management Catalina:name=HTMLHostManager,type=null,attribute=RequestCount
            # TYPE Catalina_Servlet_RequestCount untyped
            Catalina_Servlet_RequestCount{J2EEApplication="none",J2EEServer="none",WebModule="//localhost/host-manager",name="HTMLHostManager"} 1.0
            # HELP Hadoop_DataNodeInfo_DatanodeNetworkCounts java.util.Map<java.lang.String, java.lang.Long> Hadoop:name=DataNodeInfo,type=null,attribute=DatanodeNetworkCounts
            # TYPE Hadoop_DataNodeInfo_DatanodeNetworkCounts untyped
            Hadoop_DataNodeInfo_DatanodeNetworkCounts{key="1.2.3.4",key_="networkErrors",service="DataNode"} 338.0
            # HELP boolean_Test_False Attribute exposed for management boolean:name=null,type=null,attribute=False
            # TYPE boolean_Test_False untyped
            boolean_Test_False 0.0
            # HELP boolean_Test_True Attribute exposed for management boolean:name=null,type=null,attribute=True
            # TYPE boolean_Test_True untyped
            boolean_Test_True 1.0
            # HELP hadoop_DataNode_replaceBlockOpMinTime Attribute exposed for management hadoop:name=DataNodeActivity-ams-hdd001-50010,type=null,attribute=replaceBlockOpMinTime
            # TYPE hadoop_DataNode_replaceBlockOpMinTime untyped
            hadoop_DataNode_replaceBlockOpMinTime{name="DataNodeActivity-ams-hdd001-50010"} 200.0
            # HELP io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_ActiveSessions Example composite data io.prometheus.jmx.test:name=PerformanceMetricsMBean,type=null,attribute=ActiveSessions
            # TYPE io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_ActiveSessions untyped
            io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_ActiveSessions 2.0
            # HELP io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_Bootstraps Example composite data io.prometheus.jmx.test:name=PerformanceMetricsMBean,type=null,attribute=Bootstraps
            # TYPE io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_Bootstraps untyped
            io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_Bootstraps 4.0
            # HELP io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_BootstrapsDeferred Example composite data io.prometheus.jmx.test:name=PerformanceMetricsMBean,type=null,attribute=BootstrapsDeferred
            # TYPE io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_BootstrapsDeferred untyped
            io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_BootstrapsDeferred 6.0
            # HELP org_apache_camel_my_camel_context_LastExchangeFailureTimestamp Attribute exposed for management org.apache.camel:name="my-route-name",type=routes,attribute=LastExchangeFailureTimestamp
            # TYPE org_apache_camel_my_camel_context_LastExchangeFailureTimestamp untyped
            org_apache_camel_my_camel_context_LastExchangeFailureTimestamp{name="\\"my-route-name\\"",type="routes"} 1.573285945111E9
            # HELP org_apache_cassandra_concurrent_CONSISTENCY_MANAGER_ActiveCount Attribute exposed for management org.apache.cassandra.concurrent:name=null,type=CONSISTENCY-MANAGER,attribute=ActiveCount
            # TYPE org_apache_cassandra_concurrent_CONSISTENCY_MANAGER_ActiveCount untyped
            org_apache_cassandra_concurrent_CONSISTENCY_MANAGER_ActiveCount 100.0
            # HELP org_apache_cassandra_metrics_Compaction_Value Attribute exposed for management org.apache.cassandra.metrics:name=CompletedTasks,type=Compaction,attribute=Value
            # TYPE org_apache_cassandra_metrics_Compaction_Value untyped
            org_apache_cassandra_metrics_Compaction_Value{name="CompletedTasks"} 0.20000000298023224
            # HELP org_exist_management_exist_ProcessReport_RunningQueries_elapsedTime io.github.statusexporter.jmxrules.OpenDataBeans$RunningQuery org.exist.management.exist:name=null,type=ProcessReport,attribute=elapsedTime
            # TYPE org_exist_management_exist_ProcessReport_RunningQueries_elapsedTime untyped
            org_exist_management_exist_ProcessReport_RunningQueries_elapsedTime{key_id="1",key_path="/db/query1.xq"} 1500.0
            org_exist_management_exist_ProcessReport_RunningQueries_elapsedTime{key_id="2",key_path="/db/query2.xq"} 1500.0
            # HELP org_exist_management_exist_ProcessReport_RunningQueries_id io.github.statusexporter.jmxrules.OpenDataBeans$RunningQuery org.exist.management.exist:name=null,type=ProcessReport,attribute=id
            # TYPE org_exist_management_exist_ProcessReport_RunningQueries_id untyped
            org_exist_management_exist_ProcessReport_RunningQueries_id{key_id="1",key_path="/db/query1.xq"} 1.0
            org_exist_management_exist_ProcessReport_RunningQueries_id{key_id="2",key_path="/db/query2.xq"} 2.0
            # HELP org_exist_management_exist_ProcessReport_RunningQueries_startedAtTime io.github.statusexporter.jmxrules.OpenDataBeans$RunningQuery org.exist.management.exist:name=null,type=ProcessReport,attribute=startedAtTime
            # TYPE org_exist_management_exist_ProcessReport_RunningQueries_startedAtTime untyped
            org_exist_management_exist_ProcessReport_RunningQueries_startedAtTime{key_id="1",key_path="/db/query1.xq"} 1.573285945E12
            org_exist_management_exist_ProcessReport_RunningQueries_startedAtTime{key_id="2",key_path="/db/query2.xq"} 1.573285945E12
            """);
  }

  /** Label names are lowered, their values kept; label order follows the lowered names. */
  @Test
  void lowercaseOptionsApplyToTheDefaultFormat() throws Exception {
    String text = scrape("lowercaseOutputName: true\nlowercaseOutputLabelNames: true");

    assertThat(family(text, "catalina_servlet_requestcount"))
        .endsWith(
            "\ncatalina_servlet_requestcount{j2eeapplication=\"none\",j2eeserver=\"none\","
                + "name=\"HTMLHostManager\",webmodule=\"//localhost/host-manager\"} 1.0\n");
  }

  /**
   * Not in 1.0.1's unit tests but in its docs: attributes left out by object name, compared as
   * object names (key order does not matter); a pattern never equals a bean's name. {@code "True"}
   * quoted: plain, YAML reads a boolean, which 1.0.1 refuses.
   */
  @Test
  void excludedAttributesAreLeftOutOfTheirBeanOnly() throws Exception {
    String text =
        scrape(
            """
            excludeObjectNameAttributes:
              "boolean:Type=Test": ["True"]
              "Catalina:name=HTMLHostManager,J2EEServer=none,j2eeType=Servlet,WebModule=//localhost/host-manager,J2EEApplication=none": [RequestCount]
              "hadoop:*": [replaceBlockOpMinTime]
            """);

    assertThat(familyNames(text))
        .contains("boolean_Test_False", "hadoop_DataNode_replaceBlockOpMinTime")
        .doesNotContain("boolean_Test_True", "Catalina_Servlet_RequestCount");
  }

  /** A map of maps: the outer key is {@code key}, the inner one {@code key_}. */
  @Test
  void nestedTablesGiveOneLabelPerLevel() throws Exception {
    assertThat(family(scrape(DEFAULTS), "Hadoop_DataNodeInfo_DatanodeNetworkCounts"))
        .endsWith(
            "\nHadoop_DataNodeInfo_DatanodeNetworkCounts"
                + "{key=\"1.2.3.4\",key_=\"networkErrors\",service=\"DataNode\"} 338.0\n");
  }

  /** A table keyed by a composite: one {@code key_<item>} label per item of the key. */
  @Test
  void aCompositeKeyGivesOneLabelPerItem() throws Exception {
    assertThat(
            family(scrape(DEFAULTS), "org_exist_management_exist_ProcessReport_RunningQueries_id"))
        .endsWith(
            """
            org_exist_management_exist_ProcessReport_RunningQueries_id{key_id="1",key_path="/db/query1.xq"} 1.0
            org_exist_management_exist_ProcessReport_RunningQueries_id{key_id="2",key_path="/db/query2.xq"} 2.0
            """);
  }

  /**
   * Tomcat's servlet rule, its pattern folded over three lines of YAML (a single-quoted scalar:
   * each line break becomes a space). A COUNTER's name gets {@code _total}.
   */
  @Test
  void tomcatServletRuleGivesACounter() throws Exception {
    String text =
        scrape(
            "rules:\n"
                + "- pattern: 'Catalina<j2eeType=Servlet,"
                + " WebModule=//([-a-zA-Z0-9+&@#/%?=~_|!:.,;]*[-a-zA-Z0-9+&@#/%=~_|]),\n"
                + "    name=([-a-zA-Z0-9+/$%~_-|!.]*), J2EEApplication=none, \n"
                + "J2EEServer=none><>RequestCount:'\n"
                + "  name: tomcat_request_servlet_count\n"
                + "  labels:\n"
                + "    module: \"$1\"\n"
                + "    servlet: \"$2\"\n"
                + "  help: Tomcat servlet request count\n"
                + "  type: COUNTER\n"
                + "  attrNameSnakeCase: false");

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(
            """
            # HELP tomcat_request_servlet_count_total Tomcat servlet request count
            # TYPE tomcat_request_servlet_count_total counter
            tomcat_request_servlet_count_total{module="localhost/host-manager",servlet="HTMLHostManager"} 1.0
            """);
  }

  @Test
  void booleansAreOneAndZero() throws Exception {
    String text = scrape(DEFAULTS);

    assertThat(family(text, "boolean_Test_True")).endsWith("\nboolean_Test_True 1.0\n");
    assertThat(family(text, "boolean_Test_False")).endsWith("\nboolean_Test_False 0.0\n");
  }

  @Test
  void valueComesFromThePatternsGroup() throws Exception {
    String text = scrape("rules:\n- pattern: \"^hadoop<.+-500(10)>\"\n  name: foo\n  value: $1");

    assertThat(family(text, "foo"))
        .isEqualTo("# HELP foo " + HADOOP_HELP + "\n# TYPE foo untyped\nfoo 10.0\n");
  }

  /** An enum is matched by its name, and exported only through {@code value}. */
  @Test
  void enumIsMatchedByItsNameAndExportedThroughValue() throws Exception {
    String text =
        scrape(
            "rules:\n"
                + "- pattern: \"org.bean.enum<type=StateMetrics.*>State: RUNNING\"\n"
                + "  name: bean_running\n"
                + "  value: 1");

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(
            """
            # HELP bean_running Attribute exposed for management org.bean.enum:name=null,type=StateMetrics,attribute=State
            # TYPE bean_running untyped
            bean_running 1.0
            """);
  }

  /**
   * 1.0.1 throws from the scrape until {@code startDelaySeconds} have passed (an HTTP 500); this
   * agent accepts the key and serves at once: it reads its own JVM, there is nothing to wait for
   * (issue 20).
   */
  @Test
  void startDelaySecondsIsAcceptedAndTheFirstScrapeServes() throws Exception {
    String text = scrape("startDelaySeconds: 1");

    assertThat(family(text, "boolean_Test_True")).endsWith("\nboolean_Test_True 1.0\n");
  }

  /** A date in seconds since the epoch; {@code UNTYPED} is jmx_exporter's old word for unknown. */
  @Test
  void camelDateIsInSeconds() throws Exception {
    String text =
        scrape(
            """
            rules:
            - pattern: 'org.apache.camel<context=([^,]+), type=routes, name="([^"]+)"><>LastExchangeFailureTimestamp'
              name: org.apache.camel.LastExchangeFailureTimestamp
              help: Exchanges Last Failure Timestamps
              type: UNTYPED
              labels:
                context: "$1"
                route: "$2"
                type: routes
            """);

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(
            """
            # HELP org_apache_camel_LastExchangeFailureTimestamp Exchanges Last Failure Timestamps
            # TYPE org_apache_camel_LastExchangeFailureTimestamp untyped
            org_apache_camel_LastExchangeFailureTimestamp{context="my-camel-context",route="my-route-name",type="routes"} 1.573285945111E9
            """);
  }

  /** Snake case applies to the composite's items (the attribute names of the pattern input). */
  @Test
  void compositeItemsInSnakeCase() throws Exception {
    String text =
        scrape(
            """
            rules:
            - pattern: "io.prometheus.jmx.test<name=PerformanceMetricsMBean><PerformanceMetrics>.*"
              attrNameSnakeCase: true
            """);

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(
            """
            # HELP io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_active_sessions Example composite data io.prometheus.jmx.test:name=PerformanceMetricsMBean,type=null,attribute=ActiveSessions
            # TYPE io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_active_sessions untyped
            io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_active_sessions 2.0
            # HELP io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_bootstraps Example composite data io.prometheus.jmx.test:name=PerformanceMetricsMBean,type=null,attribute=Bootstraps
            # TYPE io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_bootstraps untyped
            io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_bootstraps 4.0
            # HELP io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_bootstraps_deferred Example composite data io.prometheus.jmx.test:name=PerformanceMetricsMBean,type=null,attribute=BootstrapsDeferred
            # TYPE io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_bootstraps_deferred untyped
            io_prometheus_jmx_test_PerformanceMetricsMBean_PerformanceMetrics_bootstraps_deferred 6.0
            """);
  }
}
