package io.github.statusexporter.it;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.jms.Connection;
import javax.jms.MessageConsumer;
import javax.jms.MessageProducer;
import javax.jms.Queue;
import javax.jms.Session;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ActiveMQ Classic's own distribution from Maven Central, started as operators start it: {@code
 * bin/activemq console}, the agent added to {@code ACTIVEMQ_OPTS} in {@code bin/env}, and its
 * {@code conf/activemq.xml} and {@code conf/jetty.xml} edited only for free ports. The mapping file
 * reads every queue MBean with one entry that derives a metric from each attribute. The broker
 * starts with no queue; the tests create theirs with ActiveMQ's own client, and compare what the
 * agent exports with what the broker's Jolokia ({@code /api/jolokia} of its web console) reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActiveMqBrokerIT {
  private static final String QUEUES =
      "org.apache.activemq:type=Broker,brokerName=*,destinationType=Queue,destinationName=*";

  /**
   * Every attribute of a queue MBean to the series the mapping's one entry derives from it: the
   * counters listed in the mapping end in _total; a gauge that would end in _count gets _current;
   * {@code Cursor*} is excluded; MessageGroupType is a state set.
   */
  private static final Map<String, String> QUEUE_SERIES =
      Map.ofEntries(
          entry("AlwaysRetroactive", "activemq_queue_always_retroactive"),
          entry("AverageBlockedTime", "activemq_queue_average_blocked_time"),
          entry("AverageEnqueueTime", "activemq_queue_average_enqueue_time"),
          entry("AverageMessageSize", "activemq_queue_average_message_size"),
          entry(
              "BlockedProducerWarningInterval", "activemq_queue_blocked_producer_warning_interval"),
          entry("BlockedSends", "activemq_queue_blocked_sends_total"),
          entry("CacheEnabled", "activemq_queue_cache_enabled"),
          entry("ConsumerCount", "activemq_queue_consumer_count_current"),
          entry("DLQ", "activemq_queue_dlq"),
          entry("DequeueCount", "activemq_queue_dequeue_count_total"),
          entry("DispatchCount", "activemq_queue_dispatch_count_total"),
          entry("DuplicateFromStoreCount", "activemq_queue_duplicate_from_store_count_total"),
          entry("EnqueueCount", "activemq_queue_enqueue_count_total"),
          entry("ExpiredCount", "activemq_queue_expired_count_total"),
          entry("ForwardCount", "activemq_queue_forward_count_total"),
          entry("InFlightCount", "activemq_queue_in_flight_count_current"),
          entry("MaxAuditDepth", "activemq_queue_max_audit_depth"),
          entry("MaxEnqueueTime", "activemq_queue_max_enqueue_time"),
          entry("MaxMessageSize", "activemq_queue_max_message_size"),
          entry("MaxPageSize", "activemq_queue_max_page_size"),
          entry("MaxProducersToAudit", "activemq_queue_max_producers_to_audit"),
          entry("MemoryLimit", "activemq_queue_memory_limit"),
          entry("MemoryPercentUsage", "activemq_queue_memory_percent_usage"),
          entry("MemoryUsageByteCount", "activemq_queue_memory_usage_byte_count_current"),
          entry("MemoryUsagePortion", "activemq_queue_memory_usage_portion"),
          entry("MinEnqueueTime", "activemq_queue_min_enqueue_time"),
          entry("MinMessageSize", "activemq_queue_min_message_size"),
          entry("Paused", "activemq_queue_paused"),
          entry("PrioritizedMessages", "activemq_queue_prioritized_messages"),
          entry("ProducerCount", "activemq_queue_producer_count_current"),
          entry("ProducerFlowControl", "activemq_queue_producer_flow_control"),
          entry("QueueSize", "activemq_queue_queue_size"),
          entry("SendDuplicateFromStoreToDLQ", "activemq_queue_send_duplicate_from_store_to_dlq"),
          entry("StoreMessageSize", "activemq_queue_store_message_size"),
          entry("TempUsageLimit", "activemq_queue_temp_usage_limit"),
          entry("TempUsagePercentUsage", "activemq_queue_temp_usage_percent_usage"),
          entry("TotalBlockedTime", "activemq_queue_total_blocked_time"),
          entry("UseCache", "activemq_queue_use_cache"));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient JOLOKIA_CLIENT = HttpClient.newHttpClient();

  private final int openwirePort = Http.freePort();
  private final int webConsolePort = Http.freePort();
  private final int agentPort = Http.freePort();
  private Path base;
  private JavaProcess broker;

  /** The first scrape, before any queue exists. */
  private Scrape beforeAnyQueue;

  @BeforeAll
  void launch() throws Exception {
    base = copyOfDistribution();
    Path mapping = base.resolve("conf/status-exporter.yml");
    Files.writeString(mapping, mappingFile());
    // Where operators add JVM options: bin/env, after its defaults (memory, logging, JAAS).
    Files.writeString(
        base.resolve("bin/env"),
        "\nACTIVEMQ_OPTS=\"$ACTIVEMQ_OPTS -javaagent:"
            + JavaProcess.AGENT_JAR
            + "=port="
            + agentPort
            + ",config="
            + mapping
            + "\"\n",
        java.nio.file.StandardOpenOption.APPEND);
    broker =
        JavaProcess.script(
            List.of(base.resolve("bin/activemq").toString(), "console"), base, Map.of());
    broker.awaitStdout(
        line -> line.contains("Jolokia REST API available at"), Duration.ofSeconds(60));
    // The agent serves once the broker's start is over.
    broker.awaitStderr(line -> line.contains(" serving http://"), Duration.ofSeconds(30));
    beforeAnyQueue = Scrape.of(agentPort);
  }

  @AfterAll
  void stop() throws InterruptedException, IOException {
    if (broker != null) {
      broker.close();
    }
    if (base != null) {
      Directories.delete(base);
    }
  }

  private static String mappingFile() {
    return """
        sources:
          - name: queues
            mbean: 'QUEUES'
            key_properties: {broker: brokerName, queue: destinationName}
            metrics:
              - fields: "*"
                prefix: activemq_queue_
                exclude: ["Cursor*"]
                counters: [EnqueueCount, DequeueCount, DispatchCount, ExpiredCount, ForwardCount,
                           DuplicateFromStoreCount, BlockedSends]
                states: {MessageGroupType: [cached, simple, bucket]}
          - name: broker
            mbean: 'org.apache.activemq:type=Broker,brokerName=localhost'
            metrics:
              - fields: [MemoryPercentUsage, StorePercentUsage]
                prefix: activemq_broker_
                info: [BrokerVersion]
        """
        .replace("QUEUES", QUEUES);
  }

  @Test
  void aQueuePatternThatMatchesNothingYetIsAnUpSourceWithNoSeries() {
    assertThat(beforeAnyQueue.value("status_exporter_source_up{source=\"queues\"}")).isEqualTo(1.0);
    assertThat(beforeAnyQueue.text.lines().filter(line -> line.contains("activemq_queue")))
        .isEmpty();
    // Not a source that is down: no "status source ... cannot be read" line.
    assertThat(broker.stderr()).noneMatch(line -> line.contains("cannot be read"));
    assertThat(broker.stderr())
        .contains(
            "status-exporter: loaded "
                + base.resolve("conf/status-exporter.yml")
                + ": 2 sources, 0 metrics and 2 entries of fields");
  }

  @Test
  void theBrokersInfoAndUsageAreExported() {
    Scrape scrape = Scrape.of(agentPort);

    assertThat(scrape.family("activemq_broker_info"))
        .isEqualTo(
            """
            # HELP activemq_broker_info Fields BrokerVersion of mbean:org.apache.activemq:type=Broker,brokerName=localhost
            # TYPE activemq_broker_info gauge
            activemq_broker_info{broker_version="5.18.3"} 1
            """);
    assertThat(scrape.value("activemq_broker_memory_percent_usage")).isNotNull();
    assertThat(scrape.value("activemq_broker_store_percent_usage")).isNotNull();
  }

  @Test
  void queuesCreatedWhileTheBrokerRunsGetEverySeriesWithTheValuesTheBrokerReports()
      throws Exception {
    send("orders", 3);
    receive("orders", 1);
    send("mail", 2);

    Scrape scrape =
        Wait.until(
            "both queues in the scrape",
            Duration.ofSeconds(30),
            () -> {
              Scrape each = Scrape.of(agentPort);
              return each.value(series("activemq_queue_queue_size", "orders")) != null
                      && each.value(series("activemq_queue_queue_size", "mail")) != null
                  ? each
                  : null;
            });

    assertThat(scrape.family("activemq_queue_enqueue_count_total"))
        .isEqualTo(
            """
            # HELP activemq_queue_enqueue_count_total Field enqueue_count of mbean:QUEUES
            # TYPE activemq_queue_enqueue_count_total counter
            MAIL 2.0
            ORDERS 3.0
            """
                .replace("QUEUES", QUEUES)
                .replace("MAIL", series("activemq_queue_enqueue_count_total", "mail"))
                .replace("ORDERS", series("activemq_queue_enqueue_count_total", "orders")));
    assertThat(scrape.family("activemq_queue_message_group_type"))
        .isEqualTo(
            """
            # HELP activemq_queue_message_group_type Field MessageGroupType of mbean:QUEUES
            # TYPE activemq_queue_message_group_type gauge
            BUCKET_MAIL 0.0
            BUCKET_ORDERS 0.0
            CACHED_MAIL 1.0
            CACHED_ORDERS 1.0
            SIMPLE_MAIL 0.0
            SIMPLE_ORDERS 0.0
            """
                .replace("QUEUES", QUEUES)
                .replace("BUCKET_MAIL", state("bucket", "mail"))
                .replace("BUCKET_ORDERS", state("bucket", "orders"))
                .replace("CACHED_MAIL", state("cached", "mail"))
                .replace("CACHED_ORDERS", state("cached", "orders"))
                .replace("SIMPLE_MAIL", state("simple", "mail"))
                .replace("SIMPLE_ORDERS", state("simple", "orders")));
    assertThat(queueFamilies(scrape))
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(
                    QUEUE_SERIES.values().stream(), Stream.of("activemq_queue_message_group_type"))
                .toList());

    assertThat(scrape.text.lines())
        .as("what the mapping left out")
        .noneMatch(line -> line.startsWith("status_exporter_values_skipped_total{"));

    // The broker's own account of the queue, through Jolokia, attribute by attribute; the
    // numbers settle once the consumer's acknowledgement is in.
    Wait.until(
        "every series of the orders queue to equal what the broker reports",
        Duration.ofSeconds(20),
        () -> {
          Map<String, Double> reported = jolokiaNumbers("orders");
          assertThat(reported.keySet())
              .as("the broker's numeric and boolean attributes, Cursor* aside")
              .containsExactlyInAnyOrderElementsOf(QUEUE_SERIES.keySet());
          Scrape now = Scrape.of(agentPort);
          Map<String, Double> exported = new TreeMap<>();
          QUEUE_SERIES.forEach(
              (attribute, name) -> exported.put(attribute, now.value(series(name, "orders"))));
          assertThat(exported).isEqualTo(reported);
          return reported;
        });
    assertThat(jolokiaNumbers("orders"))
        .containsEntry("QueueSize", 2.0)
        .containsEntry("EnqueueCount", 3.0)
        .containsEntry("DequeueCount", 1.0);
  }

  @Test
  void theBrokersFamiliesPassPromtool() throws Exception {
    send("lint", 1);
    Scrape scrape =
        Wait.until(
            "the lint queue in the scrape",
            Duration.ofSeconds(30),
            () ->
                Scrape.of(agentPort).value(series("activemq_queue_queue_size", "lint")) != null
                    ? Scrape.of(agentPort)
                    : null);

    assertThat(Promtool.checkMetrics(scrape.text)).isEmpty();
  }

  private static String series(String name, String queue) {
    // The key properties chosen and renamed (key_properties): not type nor destinationType.
    return name + "{broker=\"localhost\",queue=\"" + queue + "\"}";
  }

  /** A state's series, the state set's own label first, as the text format sorts them. */
  private static String state(String state, String queue) {
    String name = "activemq_queue_message_group_type";
    return series(name, queue).replace("{", "{" + name + "=\"" + state + "\",");
  }

  private static List<String> queueFamilies(Scrape scrape) {
    return scrape
        .text
        .lines()
        .filter(line -> line.startsWith("# TYPE activemq_queue_"))
        .map(line -> line.split(" ")[2])
        .toList();
  }

  /** The numeric and boolean attributes of a queue's MBean as Jolokia reads them. */
  private Map<String, Double> jolokiaNumbers(String queue) {
    String mbean =
        QUEUES
            .replace("brokerName=*", "brokerName=localhost")
            .replace("destinationName=*", "destinationName=" + queue);
    JsonNode value = jolokia("read/" + mbean).get("value");
    Map<String, Double> numbers = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attribute = it.next();
      JsonNode node = attribute.getValue();
      if (attribute.getKey().startsWith("Cursor")) {
        continue;
      }
      if (node.isNumber()) {
        numbers.put(attribute.getKey(), node.asDouble());
      } else if (node.isBoolean()) {
        numbers.put(attribute.getKey(), node.asBoolean() ? 1.0 : 0.0);
      }
    }
    return numbers;
  }

  /**
   * Jolokia of the web console, as its users call it: basic auth (admin/admin, the default), and an
   * Origin, without which conf/jolokia-access.xml refuses the call.
   */
  private JsonNode jolokia(String path) {
    String auth =
        Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + webConsolePort + "/api/jolokia/" + path))
            .header("Authorization", "Basic " + auth)
            .header("Origin", "http://localhost")
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<String> response =
          JOLOKIA_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json = JSON.readTree(response.body());
      assertThat(json.path("status").asInt()).as(response.body()).isEqualTo(200);
      return json;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void send(String queue, int messages) throws Exception {
    try (Connection connection = connect()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageProducer producer = session.createProducer(session.createQueue(queue));
      for (int i = 0; i < messages; i++) {
        producer.send(session.createTextMessage("message " + i));
      }
    }
  }

  private void receive(String queue, int messages) throws Exception {
    try (Connection connection = connect()) {
      connection.start();
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      Queue destination = session.createQueue(queue);
      // One at a time: a prefetch of 1 keeps the other messages on the broker, not in flight.
      MessageConsumer consumer =
          session.createConsumer(session.createQueue(queue + "?consumer.prefetchSize=1"));
      for (int i = 0; i < messages; i++) {
        assertThat(consumer.receive(10_000)).as("a message from " + destination).isNotNull();
      }
    }
  }

  private Connection connect() throws Exception {
    Connection connection =
        new ActiveMQConnectionFactory("tcp://localhost:" + openwirePort).createConnection();
    return connection;
  }

  /** A copy of the unpacked distribution, its connectors and web console on free ports. */
  private Path copyOfDistribution() throws IOException {
    Path distribution = Paths.get(System.getProperty("activemq.distribution"));
    Path copy = Files.createTempDirectory(distribution.getParent(), "activemq-base-");
    Directories.copy(distribution, copy);
    Path activemqXml = copy.resolve("conf/activemq.xml");
    String activemq = Files.readString(activemqXml);
    String edited =
        activemq
            .replace("0.0.0.0:61616?", "localhost:" + openwirePort + "?")
            .replace("0.0.0.0:5672?", "localhost:" + Http.freePort() + "?")
            .replace("0.0.0.0:61613?", "localhost:" + Http.freePort() + "?")
            .replace("0.0.0.0:1883?", "localhost:" + Http.freePort() + "?")
            .replace("0.0.0.0:61614?", "localhost:" + Http.freePort() + "?");
    assertThat(edited).as("conf/activemq.xml, edited").doesNotContain("0.0.0.0:");
    Files.writeString(activemqXml, edited);
    Path jettyXml = copy.resolve("conf/jetty.xml");
    String jetty = Files.readString(jettyXml);
    String editedJetty =
        jetty.replace(
            "name=\"port\" value=\"8161\"", "name=\"port\" value=\"" + webConsolePort + "\"");
    assertThat(editedJetty).as("conf/jetty.xml, edited").contains(String.valueOf(webConsolePort));
    Files.writeString(jettyXml, editedJetty);
    return copy;
  }
}
