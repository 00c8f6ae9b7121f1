package io.github.statusexporter.jmxrules;

import static io.github.statusexporter.jmxrules.Scrapes.DEFAULTS;
import static io.github.statusexporter.jmxrules.Scrapes.withoutSelfMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jmx_exporter 1.0.1's {@code JmxMBeanPropertyCacheTest}, through the default format: key
 * properties in the order the object name was written (not sorted), the first one's value in the
 * metric name, the others as labels whose values are kept raw: quotes, backslashes and spaces
 * included. The help prints the {@code name} property as raw too, its backslashes escaped by the
 * text format.
 */
class KeyPropertiesTest {
  private static final MBeanServer SERVER = MBeanServerFactory.newMBeanServer();

  /** 1.0.1's object names, each under a domain of its own so that each is one family. */
  private static final List<String> OBJECT_NAMES =
      List.of(
          "single:name=value",
          "simple:name=value,name2=value2",
          "quoted:name=value,name2=\"value2\"",
          "comma:name=\"value,more\",name2=value2",
          "equals:name=\"value=more\",name2=value2",
          "quote:name=\"value\\\"more\",name2=value2",
          "backslash:name=\"value\\\\more\",name2=value2",
          "multiple:name=\"value\\\\\\?\\*\\n\\\",:=more\",name2= value2 ",
          "org.apache.camel:context=ourinternalname,type=endpoints,name=\"seda://endpointName\\?concurrentConsumers=8&size=50000\"");

  @BeforeAll
  static void registerBeans() throws Exception {
    for (String name : OBJECT_NAMES) {
      ExampleBeans.register(SERVER, name, new ExampleBeans.Cassandra());
    }
  }

  @Test
  void keyPropertiesInTheDefaultFormat() throws Exception {
    assertThat(withoutSelfMetrics(Scrapes.scrape(SERVER, DEFAULTS)))
        .isEqualTo(
            """
            # HELP backslash_value_more_ActiveCount Attribute exposed for management backslash:name="value\\\\\\\\more",type=null,attribute=ActiveCount
            # TYPE backslash_value_more_ActiveCount untyped
            backslash_value_more_ActiveCount{name2="value2"} 100.0
            # HELP comma_value_more_ActiveCount Attribute exposed for management comma:name="value,more",type=null,attribute=ActiveCount
            # TYPE comma_value_more_ActiveCount untyped
            comma_value_more_ActiveCount{name2="value2"} 100.0
            # HELP equals_value_more_ActiveCount Attribute exposed for management equals:name="value=more",type=null,attribute=ActiveCount
            # TYPE equals_value_more_ActiveCount untyped
            equals_value_more_ActiveCount{name2="value2"} 100.0
            # HELP multiple_value_n_:_more_ActiveCount Attribute exposed for management multiple:name="value\\\\\\\\\\\\?\\\\*\\\\n\\\\",:=more",type=null,attribute=ActiveCount
            # TYPE multiple_value_n_:_more_ActiveCount untyped
            multiple_value_n_:_more_ActiveCount{name2=" value2 "} 100.0
            # HELP org_apache_camel_ourinternalname_ActiveCount Attribute exposed for management org.apache.camel:name="seda://endpointName\\\\?concurrentConsumers=8&size=50000",type=endpoints,attribute=ActiveCount
            # TYPE org_apache_camel_ourinternalname_ActiveCount untyped
            org_apache_camel_ourinternalname_ActiveCount{name="\\"seda://endpointName\\\\?concurrentConsumers=8&size=50000\\"",type="endpoints"} 100.0
            # HELP quote_value_more_ActiveCount Attribute exposed for management quote:name="value\\\\"more",type=null,attribute=ActiveCount
            # TYPE quote_value_more_ActiveCount untyped
            quote_value_more_ActiveCount{name2="value2"} 100.0
            # HELP quoted_value_ActiveCount Attribute exposed for management quoted:name=value,type=null,attribute=ActiveCount
            # TYPE quoted_value_ActiveCount untyped
            quoted_value_ActiveCount{name2="\\"value2\\""} 100.0
            # HELP simple_value_ActiveCount Attribute exposed for management simple:name=value,type=null,attribute=ActiveCount
            # TYPE simple_value_ActiveCount untyped
            simple_value_ActiveCount{name2="value2"} 100.0
            # HELP single_value_ActiveCount Attribute exposed for management single:name=value,type=null,attribute=ActiveCount
            # TYPE single_value_ActiveCount untyped
            single_value_ActiveCount 100.0
            """);
  }
}
