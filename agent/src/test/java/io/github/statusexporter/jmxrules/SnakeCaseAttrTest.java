package io.github.statusexporter.jmxrules;

import static io.github.statusexporter.jmxrules.Scrapes.withoutSelfMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jmx_exporter 1.0.1's {@code SnakeCaseAttrTest}, through {@code attrNameSnakeCase}: the attribute
 * name that the pattern sees, captured into a label. Lower case, with a {@code _} before an upper
 * case letter that follows neither an upper case letter nor a {@code _}. 1.0.1's {@code null} and
 * empty inputs cannot be attribute names.
 */
class SnakeCaseAttrTest {
  private static final MBeanServer SERVER = MBeanServerFactory.newMBeanServer();

  private static final List<String> ATTRIBUTE_NAMES =
      List.of(
          "testTest",
          "testTestTest",
          "test_test",
          "test1",
          "StartTime_$1_$2",
          "A",
          "AA",
          "TCP",
          "testTCPTest",
          " ",
          "testTest\nTest",
          "test_Test",
          "_Test_Test");

  /** One bean per name, {@code snake:input=<index>}: names that collide stay apart. */
  @BeforeAll
  static void registerBeans() throws Exception {
    for (int i = 0; i < ATTRIBUTE_NAMES.size(); i++) {
      AttributeNamesBean.register(SERVER, "snake:input=" + i, List.of(ATTRIBUTE_NAMES.get(i)));
    }
  }

  /** {@code (?s)}: one name holds a line break. */
  @Test
  void attributeNamesInSnakeCase() throws Exception {
    String text =
        Scrapes.scrape(
            SERVER,
            """
            rules:
            - pattern: "snake<input=(\\\\d+)><>((?s).*): 1"
              name: snake
              help: snake case
              attrNameSnakeCase: true
              labels:
                input: "$1"
                attribute: "$2"
            """);

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(
            """
            # HELP snake snake case
            # TYPE snake untyped
            snake{attribute=" ",input="9"} 1.0
            snake{attribute="_test_test",input="12"} 1.0
            snake{attribute="a",input="5"} 1.0
            snake{attribute="aa",input="6"} 1.0
            snake{attribute="start_time_$1_$2",input="4"} 1.0
            snake{attribute="tcp",input="7"} 1.0
            snake{attribute="test1",input="3"} 1.0
            snake{attribute="test_tcptest",input="8"} 1.0
            snake{attribute="test_test",input="0"} 1.0
            snake{attribute="test_test",input="11"} 1.0
            snake{attribute="test_test",input="2"} 1.0
            snake{attribute="test_test\\n_test",input="10"} 1.0
            snake{attribute="test_test_test",input="1"} 1.0
            """);
  }
}
