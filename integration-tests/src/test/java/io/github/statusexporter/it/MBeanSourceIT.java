package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo app read through its MXBean {@code demo:type=Status} instead of over HTTP. */
class MBeanSourceIT {
  private final int appPort = Http.freePort();
  private final int agentPort = Http.freePort();

  @Test
  void theMBeanGivesTheSameFamiliesAsTheHttpStatus() throws Exception {
    try (JavaProcess app =
        JavaProcess.demoApp(appPort, "port=" + agentPort + ",source=mbean:demo:type=Status")) {
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      Http.post("http://localhost:" + appPort + "/health", "unhealthy");

      Scrape scrape = Scrape.of(agentPort);

      assertThat(scrape.family("app_health"))
          .isEqualTo(
              "# HELP app_health Health\n"
                  + "# TYPE app_health gauge\n"
                  + "app_health{app_health=\"healthy\"} 0.0\n"
                  + "app_health{app_health=\"unhealthy\"} 1.0\n");
      assertThat(scrape.family("app_requests_current"))
          .isEqualTo(
              "# HELP app_requests_current Current requests\n"
                  + "# TYPE app_requests_current gauge\n"
                  + "app_requests_current 0.0\n");
      assertThat(scrape.family("app_requests_pending"))
          .isEqualTo(
              "# HELP app_requests_pending Pending requests\n"
                  + "# TYPE app_requests_pending gauge\n"
                  + "app_requests_pending 0.0\n");
      assertThat(scrape.value("app_uptime")).isPositive();
      assertThat(scrape.value("status_exporter_source_up{source=\"default\"}")).isEqualTo(1.0);
      assertThat(app.stderr())
          .filteredOn(line -> line.contains(" serving http://"))
          .singleElement(as(InstanceOfAssertFactories.STRING))
          .endsWith(", status from mbean:demo:type=Status");
    }
  }

  @Test
  void aQuotedPatternLabelsEachSeriesWithTheMBeansKeyProperties() throws Exception {
    try (JavaProcess app =
        JavaProcess.demoApp(
            appPort, "port=" + agentPort + ",source=\"mbean:demo:type=Status,*\",timeout=1s")) {
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));
      Http.getAsync("http://localhost:" + appPort + "/work?ms=3000");

      Scrape scrape =
          Wait.until(
              "a request held by a worker",
              Duration.ofSeconds(3),
              () -> {
                Scrape s = Scrape.of(agentPort);
                Double current = s.value("app_requests_current{type=\"Status\"}");
                return current != null && current == 1.0 ? s : null;
              });

      assertThat(scrape.value("app_health{app_health=\"healthy\",type=\"Status\"}")).isEqualTo(1.0);
      assertThat(scrape.value("app_uptime{type=\"Status\"}")).isPositive();
    }
  }

  @Test
  void aPatternThatMatchesNothingYetIsASourceThatIsUpWithNoSeries() throws Exception {
    try (JavaProcess app =
        JavaProcess.demoApp(
            appPort, "port=" + agentPort + ",source=\"mbean:demo:type=Queue,*\",timeout=1s")) {
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));

      Scrape scrape = Scrape.of(agentPort);

      assertThat(scrape.value("status_exporter_source_up{source=\"default\"}")).isEqualTo(1.0);
      assertThat(
              scrape.value(
                  "status_exporter_source_read_errors_total{reason=\"not_found\",source=\"default\"}"))
          .isIn(null, 0.0);
      assertThat(scrape.text).doesNotContain("app_uptime{").doesNotContain("app_health{");
      assertThat(app.stderrBesidesServersMeasured()).hasSize(1); // its start, nothing more
    }
  }

  @Test
  void chosenKeyPropertiesLabelThePatternsSeriesAndAnUnreadableAttributeIsNamedOnce(
      @TempDir Path directory) throws Exception {
    Path config = directory.resolve("status-exporter.yml");
    Files.writeString(
        config,
        """
        sources:
          - name: queues
            mbean: test.broker:type=Broker,brokerName=*,destinationType=Queue,destinationName=*
            key_properties: {queue: destinationName, broker: brokerName}
            metrics:
              - name: broker_queue_size
                help: Messages waiting in the queue
                field: queue_size
        """);
    try (JavaProcess app =
        JavaProcess.start(
            List.of(
                "-javaagent:" + JavaProcess.AGENT_JAR + "=port=" + agentPort + ",config=" + config,
                "-cp",
                JavaProcess.testClasses(),
                QueuesMBeanApp.class.getName(),
                "60000"),
            Map.of())) {
      app.awaitStdout(line -> line.equals("queues-mbean-app ready"), Duration.ofSeconds(30));
      app.awaitStderr(line -> line.contains("serving http://"), Duration.ofSeconds(30));

      Scrape scrape = null;
      for (int i = 0; i < 3; i++) {
        scrape = Scrape.of(agentPort);
      }

      assertThat(scrape.family("broker_queue_size"))
          .isEqualTo(
              "# HELP broker_queue_size Messages waiting in the queue\n"
                  + "# TYPE broker_queue_size gauge\n"
                  + "broker_queue_size{broker=\"main\",queue=\"orders\"} 3.0\n"
                  + "broker_queue_size{broker=\"main\",queue=\"payments\"} 5.0\n");
      assertThat(scrape.value("status_exporter_source_unreadable_fields_total{source=\"queues\"}"))
          .as("two attributes at each of three reads")
          .isEqualTo(6.0);
      String source =
          "status-exporter: status source"
              + " mbean:test.broker:type=Broker,brokerName=*,destinationType=Queue,destinationName=*:";
      assertThat(app.stderr())
          .filteredOn(line -> line.contains("cannot be read"))
          .containsExactlyInAnyOrder(
              source
                  + " attribute StorePercentUsage of MBean"
                  + " test.broker:type=Broker,brokerName=main,destinationType=Queue,destinationName=orders"
                  + " cannot be read (UnsupportedOperationException: this broker has no persistent"
                  + " store); it is left out",
              source
                  + " attribute StorePercentUsage of MBean"
                  + " test.broker:type=Broker,brokerName=main,destinationType=Queue,destinationName=payments"
                  + " cannot be read (UnsupportedOperationException: this broker has no persistent"
                  + " store); it is left out");
    }
  }
}
