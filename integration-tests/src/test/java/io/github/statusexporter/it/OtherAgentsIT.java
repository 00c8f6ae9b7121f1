package io.github.statusexporter.it;

import static io.github.statusexporter.it.RequestSeries.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo app (on the JDK's HTTP server) with our agent beside jmx_exporter's agent or the
 * OpenTelemetry agent with its Prometheus exporter, each named before and after ours on the command
 * line, as operators combine them, and ours attached with the tool beside jmx_exporter's. Both
 * other agents serve their metrics on a JDK server of their own, which fixes the JDK's server
 * provider when it comes first: the application's requests are recorded in every order, the other
 * agent's scrapes never, and the agent says what it left out. One launch per order, shared by its
 * tests.
 */
class OtherAgentsIT {
  private static final Path JMX_AGENT = Paths.get(System.getProperty("jmx.agent.jar"));
  private static final Path OTEL_AGENT = Paths.get(System.getProperty("otel.agent.jar"));
  private static final String LEFT_OUT_BEFORE =
      "status-exporter: not measuring the JDK HTTP servers created before this agent started (by"
          + " an agent named before it on the command line?): they are not the application's";

  @Nested
  class JmxExporterBeforeOurs extends BesideAnotherAgent {
    JmxExporterBeforeOurs() {
      super(Agent.JMX_EXPORTER, true);
    }
  }

  @Nested
  class JmxExporterAfterOurs extends BesideAnotherAgent {
    JmxExporterAfterOurs() {
      super(Agent.JMX_EXPORTER, false);
    }
  }

  /**
   * Ours on the command line after jmx_exporter with options it refuses, then attached with the
   * tool: its provider, put in place before the options were read, made the application's server
   * unwrapped, which the attach measures from then on.
   */
  @Nested
  class OursRefusedThenAttachedBesideJmxExporter extends BesideAnotherAgent {
    OursRefusedThenAttachedBesideJmxExporter() {
      super(Agent.JMX_EXPORTER, true, true, "port=abc");
    }
  }

  /** Ours attached with the tool to the running application, jmx_exporter's server running. */
  @Nested
  class OursAttachedBesideJmxExporter extends BesideAnotherAgent {
    OursAttachedBesideJmxExporter() {
      super(Agent.JMX_EXPORTER, true, true);
    }
  }

  @Nested
  class OpenTelemetryBeforeOurs extends BesideAnotherAgent {
    OpenTelemetryBeforeOurs() {
      super(Agent.OPENTELEMETRY, true);
    }
  }

  @Nested
  class OpenTelemetryAfterOurs extends BesideAnotherAgent {
    OpenTelemetryAfterOurs() {
      super(Agent.OPENTELEMETRY, false);
    }
  }

  /** The other agent: its options on a port of its own, and a family its endpoint serves. */
  enum Agent {
    JMX_EXPORTER(JMX_AGENT, "jmx_scrape_duration_seconds") {
      @Override
      List<String> options(int port, Path config) {
        return List.of("-javaagent:" + JMX_AGENT + "=" + port + ":" + config);
      }
    },
    OPENTELEMETRY(OTEL_AGENT, "target_info") {
      @Override
      List<String> options(int port, Path config) {
        return List.of(
            "-javaagent:" + OTEL_AGENT,
            "-Dotel.metrics.exporter=prometheus",
            "-Dotel.exporter.prometheus.port=" + port,
            "-Dotel.traces.exporter=none",
            "-Dotel.logs.exporter=none");
      }
    };

    final Path jar;
    final String family;

    Agent(Path jar, String family) {
      this.jar = jar;
      this.family = family;
    }

    abstract List<String> options(int port, Path config);
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class BesideAnotherAgent {
    private final Agent other;
    private final boolean otherFirst;
    private final boolean oursAttached;
    private final String refusedFirst;
    private final int appPort = Http.freePort();
    private final int agentPort = Http.freePort();
    private final int otherPort = Http.freePort();
    private final RequestSeries series = new RequestSeries(agentPort);
    private Path config;
    private JavaProcess process;

    BesideAnotherAgent(Agent other, boolean otherFirst) {
      this(other, otherFirst, false);
    }

    /**
     * @param oursAttached ours attached with the tool once the application runs, not on the command
     *     line
     */
    BesideAnotherAgent(Agent other, boolean otherFirst, boolean oursAttached) {
      this(other, otherFirst, oursAttached, null);
    }

    /**
     * @param refusedFirst options ours refuses, on the command line before it is attached; or null
     */
    BesideAnotherAgent(Agent other, boolean otherFirst, boolean oursAttached, String refusedFirst) {
      this.other = other;
      this.otherFirst = otherFirst;
      this.oursAttached = oursAttached;
      this.refusedFirst = refusedFirst;
    }

    @BeforeAll
    void launch() throws Exception {
      config = Files.createTempFile("jmx-exporter", ".yaml");
      Files.writeString(config, "rules:\n- pattern: \".*\"\n");
      String options = "port=" + agentPort + ",source=http://localhost:" + appPort + "/status";
      String ours = "-javaagent:" + JavaProcess.AGENT_JAR + "=" + options;
      List<String> arguments = new ArrayList<>();
      if (!otherFirst) {
        arguments.add(ours);
      }
      arguments.addAll(other.options(otherPort, config));
      if (otherFirst && !oursAttached) {
        arguments.add(ours);
      }
      if (refusedFirst != null) {
        arguments.add("-javaagent:" + JavaProcess.AGENT_JAR + "=" + refusedFirst);
      }
      arguments.addAll(
          List.of("-jar", JavaProcess.DEMO_JAR.toString(), "--port", String.valueOf(appPort)));
      process = JavaProcess.start(arguments, Map.of());
      process.awaitStdout(line -> line.startsWith("demo-app ready"), Duration.ofSeconds(60));
      if (oursAttached) {
        JavaProcess attach = JavaProcess.tool("attach", String.valueOf(process.pid()), options);
        assertThat(attach.awaitExit(Duration.ZERO)).as(String.valueOf(attach.stderr())).isZero();
      }
      process.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws Exception {
      if (process != null) {
        process.close();
      }
      Files.deleteIfExists(config);
    }

    @Test
    void theApplicationsRequestsAreRecordedAndTheOtherAgentsScrapesAreNot() {
      Map<String, Double> before = series.counts();
      Http.get("http://localhost:" + appPort + "/work?ms=0");
      Http.get("http://localhost:" + appPort + "/work?ms=0");
      Http.post("http://localhost:" + appPort + "/health", "confused");
      for (int i = 0; i < 3; i++) {
        Scrape theirs =
            Wait.until(
                other + " serving its metrics",
                Duration.ofSeconds(30),
                () -> {
                  try {
                    return Scrape.of("http://localhost:" + otherPort + "/metrics");
                  } catch (RuntimeException | AssertionError notYet) {
                    return null;
                  }
                });
        assertThat(theirs.text).contains("# TYPE " + other.family);
      }

      series.awaitAdded(
          before, Map.of(count("GET", "200", "/work"), 2.0, count("POST", "400", "/health"), 1.0));
      assertThat(series.counts()).doesNotContainKey(count("GET", "200", "/metrics"));
    }

    @Test
    void bothAgentsWeaveAndServeWithoutAnError() {
      assertThat(process.stderr())
          .noneMatch(line -> line.contains("Error") || line.contains("Exception"))
          .noneMatch(line -> line.startsWith("status-exporter: no request metrics"));
    }

    @Test
    void theAgentSaysWhichServerItLeftOut() {
      String named =
          "status-exporter: not measuring the HTTP server on port "
              + otherPort
              + ": it belongs to the agent "
              + other.jar.getFileName();
      if (oursAttached) {
        // Both servers ran before ours came: each told by its handlers' code.
        assertThat(process.stderr())
            .contains(
                "status-exporter: not measuring the running HTTP server on port "
                    + otherPort
                    + ": it belongs to the agent "
                    + other.jar.getFileName(),
                "status-exporter: measuring the running HTTP server on port "
                    + appPort
                    + " from its next request on; contexts created on it from now on are not"
                    + " measured")
            .doesNotContain(LEFT_OUT_BEFORE);
      } else if (otherFirst && other == Agent.JMX_EXPORTER) {
        // jmx_exporter starts its server in its premain: before ours, unseen.
        assertThat(process.stderr()).contains(LEFT_OUT_BEFORE).doesNotContain(named);
      } else if (otherFirst) {
        // The OpenTelemetry agent may start its exporter's server on a thread of its own, before
        // or after our premain: either way it is left out, and said so.
        assertThat(process.stderr()).containsAnyOf(LEFT_OUT_BEFORE, named);
      } else {
        assertThat(process.stderr()).contains(named).doesNotContain(LEFT_OUT_BEFORE);
      }
    }
  }
}
