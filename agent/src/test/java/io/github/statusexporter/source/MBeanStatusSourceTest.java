package io.github.statusexporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MBeanStatusSourceTest {
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final List<ObjectName> registered = new ArrayList<>();

  /** A standard MBean with every kind of attribute the source meets. */
  public interface PoolMBean {
    int getActiveConnections();

    String getState();

    boolean isOpen();

    long[] getSizes();

    Thread getOwner();

    double getBroken();
  }

  public static final class Pool implements PoolMBean {
    private final int active;

    Pool(int active) {
      this.active = active;
    }

    @Override
    public int getActiveConnections() {
      return active;
    }

    @Override
    public String getState() {
      return "UP";
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public long[] getSizes() {
      return new long[] {10, 20};
    }

    @Override
    public Thread getOwner() {
      return Thread.currentThread();
    }

    @Override
    public double getBroken() {
      throw new IllegalStateException("this getter always fails");
    }
  }

  private ObjectName register(String name, Object mbean) throws Exception {
    ObjectName objectName = new ObjectName(name);
    server.registerMBean(mbean, objectName);
    registered.add(objectName);
    return objectName;
  }

  @AfterEach
  void unregister() throws Exception {
    for (ObjectName name : registered) {
      server.unregisterMBean(name);
    }
  }

  private static Object get(Record record, String path) {
    return record.get(FieldPath.parse(path));
  }

  @Test
  void readsAttributesAsSnakeCaseFields() throws Exception {
    ObjectName name = register("test.mbean:type=Pool,name=main", new Pool(7));

    Reading reading = new MBeanStatusSource(name).read();

    assertThat(reading.records()).hasSize(1);
    Record record = reading.records().get(0);
    assertThat(record.labels()).isEmpty();
    assertThat(get(record, "active_connections")).isEqualTo(7.0);
    assertThat(get(record, "state")).isEqualTo("UP");
    assertThat(get(record, "open")).isEqualTo(true);
    assertThat(get(record, "sizes[1]")).isEqualTo(20.0);
  }

  @Test
  void gettersThatThrowAndUnsupportedTypesAreSkippedCountedAndNamed() throws Exception {
    ObjectName name = register("test.mbean:type=Pool,name=main", new Pool(7));

    Reading reading = new MBeanStatusSource(name).read();

    assertThat(reading.records().get(0).document()).doesNotContainKeys("broken", "owner");
    assertThat(reading.unreadableFields()).isEqualTo(2);
    assertThat(reading.unreadable())
        .extracting(UnreadableField::toString)
        .containsExactlyInAnyOrder(
            "attribute Broken of MBean test.mbean:type=Pool,name=main"
                + " (IllegalStateException: this getter always fails)",
            "attribute Owner of MBean test.mbean:type=Pool,name=main"
                + " (a java.lang.Thread has no number, string, list or map form)");
  }

  @Test
  void aPatternGivesOneRecordPerMBeanLabelledByItsKeyProperties() throws Exception {
    register("test.mbean:type=Pool,name=main", new Pool(1));
    register("test.mbean:type=Pool,name=\"batch jobs\"", new Pool(2));

    Reading reading = new MBeanStatusSource(new ObjectName("test.mbean:type=Pool,*")).read();

    assertThat(reading.records())
        .extracting(Record::labels)
        .containsExactly(
            Map.of("name", "batch jobs", "type", "Pool"), Map.of("name", "main", "type", "Pool"));
    assertThat(reading.records())
        .extracting(record -> get(record, "active_connections"))
        .containsExactly(2.0, 1.0);
  }

  @Test
  void chosenKeyPropertiesLabelEachRecordUnderTheirNewNames() throws Exception {
    register("test.mbean:type=Pool,name=main", new Pool(1));
    register("test.mbean:type=Pool,name=\"batch jobs\"", new Pool(2));

    Reading reading =
        new MBeanStatusSource(
                new ObjectName("test.mbean:type=Pool,*"),
                KeyPropertyLabels.chosen(Map.of("pool", "name")))
            .read();

    assertThat(reading.records())
        .extracting(Record::labels)
        .containsExactly(Map.of("pool", "batch jobs"), Map.of("pool", "main"));
  }

  @Test
  void aPatternThatMatchesNothingYetIsAReadingWithNoRecords() throws Exception {
    MBeanStatusSource queues = new MBeanStatusSource(new ObjectName("test.mbean:type=Queue,*"));

    assertThat(queues.read().records()).isEmpty();

    register("test.mbean:type=Queue,name=orders", new Pool(4));
    assertThat(queues.read().records()).hasSize(1);
  }

  @Test
  void compositeDataBecomesNestedFields() throws Exception {
    Reading reading = new MBeanStatusSource(new ObjectName("java.lang:type=Memory")).read();

    Record record = reading.records().get(0);
    assertThat(get(record, "heap_memory_usage.used")).isInstanceOf(Double.class);
    assertThat((Double) get(record, "heap_memory_usage.committed")).isPositive();
  }

  @Test
  void tabularDataIsKeyedByItsIndex() throws Exception {
    Reading reading = new MBeanStatusSource(new ObjectName("java.lang:type=Runtime")).read();

    Record record = reading.records().get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) get(record, "system_properties");
    assertThat(properties.get("java.version"))
        .isEqualTo(Map.of("key", "java.version", "value", System.getProperty("java.version")));
    assertThat(get(record, "uptime")).isInstanceOf(Double.class);
  }

  @Test
  void aMissingMBeanIsNotFoundUntilItAppears() throws Exception {
    ObjectName name = new ObjectName("test.mbean:type=Pool,name=late");
    MBeanStatusSource source = new MBeanStatusSource(name);

    assertThatThrownBy(source::read)
        .isInstanceOf(SourceException.class)
        .hasMessage("no MBean is registered as test.mbean:type=Pool,name=late")
        .extracting(e -> ((SourceException) e).reason())
        .isEqualTo(FailureReason.NOT_FOUND);

    register(name.toString(), new Pool(3));
    assertThat(get(source.read().records().get(0), "active_connections")).isEqualTo(3.0);
  }

  @Test
  void aLongOrMultiLineReasonIsCutToOneBoundedLine() throws Exception {
    UnreadableField field =
        UnreadableField.attribute(
            new ObjectName("test.mbean:type=Pool"),
            "Broken",
            "first line\nsecond" + "x".repeat(500));

    assertThat(field.why())
        .hasSize(UnreadableField.MAX_WHY_LENGTH + 3)
        .startsWith("first line second")
        .endsWith("x...");
  }

  @Test
  void namesBecomeSnakeCase() {
    assertThat(FieldPath.snakeCase("CurrentRequests")).isEqualTo("current_requests");
    assertThat(FieldPath.snakeCase("TotalUptime")).isEqualTo("total_uptime");
    assertThat(FieldPath.snakeCase("HTTPPort")).isEqualTo("http_port");
    assertThat(FieldPath.snakeCase("heapMemoryUsage")).isEqualTo("heap_memory_usage");
    assertThat(FieldPath.snakeCase("Log4jLevel")).isEqualTo("log4j_level");
    assertThat(FieldPath.snakeCase("already_snake")).isEqualTo("already_snake");
    assertThat(KeyPropertyLabels.labelName("destinationName")).isEqualTo("destination_name");
    assertThat(KeyPropertyLabels.labelName("2nd-key")).isEqualTo("key2nd_key");
  }

  @Test
  void aPlainMapAttributeIsANestedObject() {
    Map<Object, Object> connectors = new java.util.LinkedHashMap<>();
    connectors.put("openwire", "tcp://host:61616");
    connectors.put(7, 1);
    connectors.put("thread", Thread.currentThread()); // no form: left out

    assertThat(MBeanValues.convert(connectors))
        .isEqualTo(Map.of("openwire", "tcp://host:61616", "7", 1.0));
  }

  @Test
  void aValueOfMoreElementsThanAreReadIsLeftOut() {
    assertThat(MBeanValues.convert(new long[MBeanValues.MAX_ELEMENTS])).isNotNull();
    assertThat(MBeanValues.convert(new long[MBeanValues.MAX_ELEMENTS + 1])).isNull();
    assertThat(MBeanValues.convert(java.util.Collections.nCopies(MBeanValues.MAX_ELEMENTS + 1, 1)))
        .isNull();
  }
}
