package io.github.statusexporter.jmxrules;

import static io.github.statusexporter.jmxrules.Scrapes.withoutSelfMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jmx_exporter 1.0.1's {@code TomcatPatternCheckTest} checks the regular expressions of its Tomcat
 * servlet rule against web module paths and servlet names; here the rule itself reads servlets
 * registered under those paths and names. 1.0.1's {@code //www.example.com:443;jsessionid=...}
 * cannot be an object name's value (a colon and an equals sign).
 */
class TomcatPatternCheckTest {
  private static final MBeanServer SERVER = MBeanServerFactory.newMBeanServer();

  @BeforeAll
  static void registerServlets() throws Exception {
    List<String> paths =
        List.of(
            "//localhost/host-manager",
            "//localhost/",
            "//localhost/docs/",
            "//www.example.com/prom-metric/",
            "//www.example.com/prom_metric+tomcat/",
            "//localhost/$docs/", // "cannot include $"
            "//localhost/docs()/"); // "cannot include ()"
    for (String path : paths) {
      register(path, "HTMLHostManager", 1);
    }
    List<String> servlets =
        List.of("C", "Cc", "C$c", "C9", "host-manager", "a.C", ".C", "prom_app_metrics");
    for (String servlet : servlets) {
      register("//localhost/host-manager", servlet, 2);
    }
  }

  private static void register(String path, String servlet, int requestCount) throws Exception {
    ExampleBeans.register(
        SERVER,
        "Catalina:j2eeType=Servlet,WebModule="
            + path
            + ",name="
            + servlet
            + ",J2EEApplication=none,J2EEServer=none",
        new ExampleBeans.TomcatServlet(requestCount));
  }

  @Test
  void theServletRuleReadsValidPathsAndServletNames() throws Exception {
    String text =
        Scrapes.scrape(
            SERVER,
            """
            rules:
            - pattern: 'Catalina<j2eeType=Servlet, WebModule=//([-a-zA-Z0-9+&@#/%?=~_|!:.,;]*[-a-zA-Z0-9+&@#/%=~_|]), name=([-a-zA-Z0-9+/$%~_-|!.]*), J2EEApplication=none, J2EEServer=none><>RequestCount:'
              name: tomcat_request_servlet_count
              labels:
                module: "$1"
                servlet: "$2"
              help: Tomcat servlet request count
              type: COUNTER
            """);

    assertThat(withoutSelfMetrics(text))
        .isEqualTo(
            """
            # HELP tomcat_request_servlet_count_total Tomcat servlet request count
            # TYPE tomcat_request_servlet_count_total counter
            tomcat_request_servlet_count_total{module="localhost/",servlet="HTMLHostManager"} 1.0
            tomcat_request_servlet_count_total{module="localhost/docs/",servlet="HTMLHostManager"} 1.0
            tomcat_request_servlet_count_total{module="localhost/host-manager",servlet=".C"} 2.0
            tomcat_request_servlet_count_total{module="localhost/host-manager",servlet="C"} 2.0
            tomcat_request_servlet_count_total{module="localhost/host-manager",servlet="C$c"} 2.0
            tomcat_request_servlet_count_total{module="localhost/host-manager",servlet="C9"} 2.0
            tomcat_request_servlet_count_total{module="localhost/host-manager",servlet="Cc"} 2.0
            tomcat_request_servlet_count_total{module="localhost/host-manager",servlet="HTMLHostManager"} 1.0
            tomcat_request_servlet_count_total{module="localhost/host-manager",servlet="a.C"} 2.0
            tomcat_request_servlet_count_total{module="localhost/host-manager",servlet="host-manager"} 2.0
            tomcat_request_servlet_count_total{module="localhost/host-manager",servlet="prom_app_metrics"} 2.0
            tomcat_request_servlet_count_total{module="www.example.com/prom-metric/",servlet="HTMLHostManager"} 1.0
            tomcat_request_servlet_count_total{module="www.example.com/prom_metric+tomcat/",servlet="HTMLHostManager"} 1.0
            """);
  }
}
