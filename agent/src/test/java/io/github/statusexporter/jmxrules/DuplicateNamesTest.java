package io.github.statusexporter.jmxrules;

import static io.github.statusexporter.jmxrules.Scrapes.DEFAULTS;
import static io.github.statusexporter.jmxrules.Scrapes.family;
import static io.github.statusexporter.jmxrules.Scrapes.withoutSelfMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.ConfigException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Series that jmx_exporter 1.0.1 cannot tell apart by name and labels: it adds an {@code
 * _objectname} label (the pattern input up to its last colon) to every series of that family, where
 * a plain registry would fail the scrape ({@code DuplicateLabels.java}). Beans of {@code
 * CollidingNameMBean} and {@code TotalValueMBean}; types and {@code _total} on a shared name.
 */
class DuplicateNamesTest {
  private static final MBeanServer SERVER = MBeanServerFactory.newMBeanServer();

  @BeforeAll
  static void registerBeans() throws JMException {
    // jmx_exporter registers one bean per ASCII character and skips those an object name refuses;
    // the printable ones here, so that the expected text can be read.
    for (char c = ' '; c < 127; c++) {
      String name = "io.prometheus.jmx.test:type=Colliding" + c + "Name";
      if (isRegistrable(name)) {
        ExampleBeans.register(SERVER, name, new ExampleBeans.CollidingName());
      }
    }
    ExampleBeans.register(
        SERVER, "io.prometheus.jmx.test:type=Total-Value", new ExampleBeans.TotalValue());
    ExampleBeans.register(
        SERVER, "io.prometheus.jmx.test:type=Total.Value", new ExampleBeans.TotalValue());
  }

  /** Not {@code " , : =} (malformed) nor {@code * ?} (a pattern). */
  private static boolean isRegistrable(String name) {
    try {
      return !new ObjectName(name).isPattern();
    } catch (JMException e) {
      return false;
    }
  }

  private static String scrape(String yaml) throws ConfigException {
    return Scrapes.scrape(SERVER, yaml);
  }

  /** The help is the first bean's in jmx_exporter's scrape order (a hash set of the names). */
  @Test
  void beansWhoseNamesDifferInAnUnsafeCharacterGetTheirObjectName() throws Exception {
    assertThat(family(scrape(DEFAULTS), "io_prometheus_jmx_test_Colliding_Name_Value"))
        .isEqualTo(
            """
            # HELP io_prometheus_jmx_test_Colliding_Name_Value Attribute exposed for management io.prometheus.jmx.test:name=null,type=Colliding(Name,attribute=Value
            # TYPE io_prometheus_jmx_test_Colliding_Name_Value untyped
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding!Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding#Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding$Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding%Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding&Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding'Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding(Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding)Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding+Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding-Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding.Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding/Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding;Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding<Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding>Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding@Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding[Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding\\\\Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding]Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding^Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding_Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding`Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding{Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding|Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding}Name><>Value"} 345.0
            io_prometheus_jmx_test_Colliding_Name_Value{_objectname="io.prometheus.jmx.test<type=Colliding~Name><>Value"} 345.0
            """);
  }

  @Test
  void aNameThatDiffersInALetterIsAFamilyOfItsOwn() throws Exception {
    assertThat(family(scrape(DEFAULTS), "io_prometheus_jmx_test_CollidingAName_Value"))
        .endsWith("\nio_prometheus_jmx_test_CollidingAName_Value 345.0\n");
  }

  /** {@code Total}: not the {@code _total} suffix, which is lower case. */
  @Test
  void anAttributeNamedTotalKeepsItsName() throws Exception {
    assertThat(family(scrape(DEFAULTS), "io_prometheus_jmx_test_Total_Value_Total"))
        .isEqualTo(
            """
            # HELP io_prometheus_jmx_test_Total_Value_Total Attribute exposed for management io.prometheus.jmx.test:name=null,type=Total-Value,attribute=Total
            # TYPE io_prometheus_jmx_test_Total_Value_Total untyped
            io_prometheus_jmx_test_Total_Value_Total{_objectname="io.prometheus.jmx.test<type=Total-Value><>Total"} 345.0
            io_prometheus_jmx_test_Total_Value_Total{_objectname="io.prometheus.jmx.test<type=Total.Value><>Total"} 345.0
            """);
  }

  /** jmx_exporter's {@code DuplicateLabels}: the same name and labels from two beans. */
  @Test
  void theSameLabelsFromTwoBeansGetTheirObjectName() throws Exception {
    String text =
        scrape(
            """
            rules:
            - pattern: "io.prometheus.jmx.test<type=Total.Value><>Total"
              name: test_metric
              help: test_metric help
              labels:
                label1: value1
            """);

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(
            """
            # HELP test_metric test_metric help
            # TYPE test_metric untyped
            test_metric{_objectname="io.prometheus.jmx.test<type=Total-Value><>Total",label1="value1"} 345.0
            test_metric{_objectname="io.prometheus.jmx.test<type=Total.Value><>Total",label1="value1"} 345.0
            """);
  }

  @Test
  void rulesOfDifferentTypesSharingANameMakeItUntyped() throws Exception {
    String text =
        scrape(
            """
            rules:
            - pattern: "io.prometheus.jmx.test<type=Total.Value><>Total"
              name: test_metric
              type: GAUGE
            - pattern: "io.prometheus.jmx.test<type=Colliding-Name><>Value"
              name: test_metric
              type: COUNTER
            """);

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(
            """
            # HELP test_metric Attribute exposed for management io.prometheus.jmx.test:name=null,type=Total-Value,attribute=Total
            # TYPE test_metric untyped
            test_metric{_objectname="io.prometheus.jmx.test<type=Colliding-Name><>Value"} 345.0
            test_metric{_objectname="io.prometheus.jmx.test<type=Total-Value><>Total"} 345.0
            test_metric{_objectname="io.prometheus.jmx.test<type=Total.Value><>Total"} 345.0
            """);
  }

  @Test
  void aGaugeLosesTheTotalSuffix() throws Exception {
    String text =
        scrape(
            """
            rules:
            - pattern: "io.prometheus.jmx.test<type=Total(.)Value><>Total"
              name: test_metric_total
              type: GAUGE
              labels:
                separator: "$1"
            """);

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(
            """
            # HELP test_metric Attribute exposed for management io.prometheus.jmx.test:name=null,type=Total-Value,attribute=Total
            # TYPE test_metric gauge
            test_metric{separator="-"} 345.0
            test_metric{separator="."} 345.0
            """);
  }

  @Test
  void aCounterGetsTheTotalSuffix() throws Exception {
    String text =
        scrape(
            """
            rules:
            - pattern: "io.prometheus.jmx.test<type=Total(.)Value><>Total"
              name: test_metric
              type: COUNTER
              labels:
                separator: "$1"
            """);

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(
            """
            # HELP test_metric_total Attribute exposed for management io.prometheus.jmx.test:name=null,type=Total-Value,attribute=Total
            # TYPE test_metric_total counter
            test_metric_total{separator="-"} 345.0
            test_metric_total{separator="."} 345.0
            """);
  }
}
