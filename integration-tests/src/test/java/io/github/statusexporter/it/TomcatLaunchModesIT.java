package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Tomcat's distribution started in the ways its operators start it that trip agents up: {@code
 * catalina.sh jpda run}, whose debugger takes port 8000, the agent's default source; and a flag
 * with an MBean name in bin/setenv.sh, which catalina.sh evaluates a second time, quotes and all.
 * Each test launches its own Tomcat.
 */
class TomcatLaunchModesIT {
  private static final String DEFAULT_SOURCE = "http://localhost:8000/status";

  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();

  @Test
  void theDefaultSourceBacksOffFromTheDebuggersPort() throws Exception {
    assumeTrue(portIsFree(8000), "port 8000, where catalina.sh jpda puts its debugger, is taken");
    Path base = TomcatDistribution.copy(appPort, UnaryOperator.identity());
    // JPDA_ADDRESS unset: the debugger listens on localhost:8000, as for any operator.
    try (JavaProcess tomcat =
        TomcatDistribution.start(
            base,
            "-javaagent:" + JavaProcess.AGENT_JAR + "=port=" + agentPort,
            Map.of(),
            "jpda",
            "run")) {
      Scrape first = Scrape.of(agentPort);
      for (int i = 0; i < 4; i++) {
        Scrape.of(agentPort);
      }
      Scrape last = Scrape.of(agentPort);

      assertThat(first.value("status_exporter_source_up{source=\"default\"}")).isEqualTo(0.0);
      assertThat(last.value("status_exporter_source_up{source=\"default\"}")).isEqualTo(0.0);
      assertThat(
              last.value(
                  "status_exporter_source_read_errors_total{reason=\"not_http\",source=\"default\"}"))
          .as("every scrape says the source is not read")
          .isEqualTo(6.0);
      assertThat(last.hasFamily("jvm_memory_used_bytes")).isTrue();
      assertThat(debuggerComplaints(tomcat))
          .as("the debugger saw one read (and the JDK's one retry of it), not one per scrape")
          .isEqualTo(2);
      assertThat(tomcat.stderr())
          .filteredOn(line -> line.startsWith("status-exporter: status source"))
          .singleElement()
          .asString()
          .startsWith(
              "status-exporter: status source "
                  + DEFAULT_SOURCE
                  + " cannot be read: closed the connection without an HTTP answer")
          .contains("the port is not the application's status page (a debugger's, as with")
          .contains("read again only after 1 min")
          .contains("Set source=none");
    } finally {
      TomcatDistribution.delete(base);
    }
  }

  // catalina.sh's quoting and the agent's option parsing, not the JDK's: on the first JDK only.
  @Tag("first-jdk-only")
  @Test
  void anMBeanNameWithCommasGoesThroughCatalinaShAsASystemProperty() throws Exception {
    Path base = TomcatDistribution.copy(appPort, UnaryOperator.identity());
    try (JavaProcess tomcat =
        TomcatDistribution.start(
            base,
            "-javaagent:"
                + JavaProcess.AGENT_JAR
                + "=port="
                + agentPort
                + " -Dstatusexporter.source=mbean:Catalina:type=Manager,host=localhost,context=/examples",
            Map.of(),
            "run")) {
      // Found whole: cut at a comma, the name would find no MBean (not_found).
      Scrape.awaitValue(
          agentPort, "status_exporter_source_up{source=\"default\"}", 1.0, Duration.ofSeconds(20));
      assertThat(tomcat.stderr())
          .noneMatch(line -> line.contains("status-exporter: status source"));
    } finally {
      TomcatDistribution.delete(base);
    }
  }

  /** The lines the JDWP agent writes for each connection that is not a debugger's. */
  private static long debuggerComplaints(JavaProcess tomcat) {
    return Stream.concat(tomcat.stdout().stream(), tomcat.stderr().stream())
        .filter(line -> line.contains("Debugger failed to attach"))
        .count();
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
