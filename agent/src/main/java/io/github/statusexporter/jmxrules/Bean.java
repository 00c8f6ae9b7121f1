package io.github.statusexporter.jmxrules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;

/**
 * One MBean as the rules read it: the attributes jmx_exporter would read (readable, not excluded),
 * minus those whose values it always discards unread here (arrays by their declared type, the
 * Runtime MBean's class paths and system properties, the flight recorder's), each with the node its
 * value is taken apart into.
 */
final class Bean {
  /** How long the attribute list is trusted before the MBean's description is read again. */
  static final long INFO_LIFETIME_NANOS = 60_000_000_000L;

  private static final Set<String> RUNTIME_SKIPPED =
      Set.of("systemproperties", "classpath", "bootclasspath", "librarypath");

  /** Declared types whose values are always numbers or booleans, never strings or structures. */
  private static final Set<String> SIMPLE_TYPES =
      Set.of(
          "int",
          "long",
          "short",
          "byte",
          "double",
          "float",
          "boolean",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Double",
          "java.lang.Float",
          "java.lang.Boolean",
          "java.math.BigInteger",
          "java.math.BigDecimal");

  /**
   * The OperatingSystem MBean's deprecated attributes and those they stand for: the JDK's getter of
   * each calls the other's (JDK 14 and later, where both exist). Each getter re-reads cgroup files
   * in a container (~100 KB of buffers), and two reads microseconds apart differ only in what
   * changed meanwhile; for the CPU load, the second would be the load of those microseconds.
   */
  private static final Map<String, String> OPERATING_SYSTEM_ALIASES =
      Map.of(
          "FreePhysicalMemorySize", "FreeMemorySize",
          "TotalPhysicalMemorySize", "TotalMemorySize",
          "SystemCpuLoad", "CpuLoad");

  final ObjectName name;
  private final LinkedHashMap<String, String> properties;
  private final Set<String> excluded;
  private String[] attributes = new String[0];
  private ValueNode[] nodes = new ValueNode[0];

  /** Declared numbers and booleans: whether no rule can match any value they may take. */
  private boolean[] simple = new boolean[0];

  /** The attributes read: all but the unused ones, and where each is in {@link #attributes}. */
  private String[] requested = new String[0];

  private int[] requestedIndex = new int[0];

  /** For an attribute read through another (its alias), that one's index; else -1. */
  private int[] aliasOf = new int[0];

  /** The values of one read, by attribute index; emptied once walked. */
  private Object[] values = new Object[0];

  private boolean[] read = new boolean[0];

  /**
   * Attributes whose getter said it is not supported ({@link UnsupportedOperationException}, as a
   * memory pool without thresholds says of them at every read): not asked again until the
   * description is read again. jmx_exporter asks each scrape and leaves them out, as here; each
   * refusal costs a few exceptions' stack traces (~10 µs, and 22 of them on a plain JVM).
   */
  private boolean[] unsupported = new boolean[0];

  /** Attributes already asked once on their own after they went missing from a read. */
  private boolean[] probed = new boolean[0];

  private long infoReadAt;
  private boolean infoRead;

  /**
   * @param excluded attributes never read: the configuration's for this MBean, then those found to
   *     hold a type that cannot become a sample
   */
  Bean(ObjectName name, Set<String> excluded) {
    this.name = name;
    this.properties = KeyProperties.of(name);
    this.excluded = excluded;
  }

  /**
   * Reads the values and walks each into its node.
   *
   * @throws JMException when the MBean's description cannot be read (it went away)
   */
  void read(MBeanServer server, ValueWalk walk, long now) throws JMException {
    if (!infoRead || now - infoReadAt > INFO_LIFETIME_NANOS) {
      describe(server.getMBeanInfo(name).getAttributes());
      infoRead = true;
      infoReadAt = now;
    }
    if (requested.length == 0) {
      return;
    }
    AttributeList values;
    try {
      values = server.getAttributes(name, requested);
    } catch (JMException | RuntimeException e) {
      values = readOneByOne(server);
    }
    if (values == null) {
      return;
    }
    List<Attribute> list = values.asList();
    for (int i = 0; i < list.size(); i++) {
      Attribute value = list.get(i);
      // In the order asked for, unless some could not be read.
      int index =
          i < requested.length && requested[i].equals(value.getName())
              ? requestedIndex[i]
              : indexOf(value.getName());
      if (index >= 0) {
        read[index] = true;
        this.values[index] = value.getValue();
      }
    }
    if (list.size() < requested.length) {
      findUnsupported(server);
    }
    walkInOrder(walk);
    leaveOutUnused();
  }

  /**
   * Asks each attribute missing from the read on its own, once, to see why: one whose getter says
   * it is not supported is not asked again (until the description is read again); after any other
   * failure it is asked at every scrape, as jmx_exporter asks it, since that may pass.
   */
  private void findUnsupported(MBeanServer server) {
    boolean changed = false;
    for (int i = 0; i < requested.length; i++) {
      int index = requestedIndex[i];
      if (read[index] || probed[index]) {
        continue;
      }
      probed[index] = true;
      try {
        // A value now is not used: jmx_exporter leaves out what its read missed.
        server.getAttribute(name, attributes[index]);
      } catch (RuntimeMBeanException e) {
        if (e.getCause() instanceof UnsupportedOperationException) {
          unsupported[index] = true;
          changed = true;
        }
      } catch (JMException | RuntimeException e) {
        // another failure: asked again at the next scrape
      }
    }
    if (changed) {
      request();
    }
  }

  /**
   * Walks the values read in the MBean's own order of attributes, as jmx_exporter does (the first
   * sample of a family gives its help), an attribute read through another with that one's value.
   */
  private void walkInOrder(ValueWalk walk) {
    try {
      for (int i = 0; i < nodes.length; i++) {
        if (read[i]) {
          walk.walk(nodes[i], values[i]);
        } else if (aliasOf[i] >= 0 && read[aliasOf[i]] && !nodes[i].unused) {
          walk.walk(nodes[i], values[aliasOf[i]]);
        }
      }
    } finally {
      Arrays.fill(read, false);
      Arrays.fill(values, null); // nothing of the application's is held between scrapes
    }
  }

  /**
   * Stops reading a number or boolean that no rule can match whatever its value (as the rules' kept
   * outcomes say): jmx_exporter reads it and drops it at every scrape; its getter may cost (the
   * OperatingSystem MBean re-reads cgroup files for each).
   */
  private void leaveOutUnused() {
    boolean changed = false;
    for (int i = 0; i < nodes.length; i++) {
      if (simple[i] && !nodes[i].unused && nodes[i].neverExported()) {
        nodes[i].unused = true;
        changed = true;
      }
    }
    if (changed) {
      request();
    }
  }

  private void request() {
    List<String> names = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < attributes.length; i++) {
      boolean readThroughAlias =
          aliasOf[i] >= 0 && !nodes[aliasOf[i]].unused && !unsupported[aliasOf[i]];
      if (!nodes[i].unused && !unsupported[i] && !readThroughAlias) {
        names.add(attributes[i]);
        indexes.add(i);
      }
    }
    requested = names.toArray(new String[0]);
    requestedIndex = indexes.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Stops reading an attribute: its value was of a type that cannot become a sample. */
  void exclude(String attribute) {
    if (excluded.add(attribute)) {
      infoRead = false; // the list is made again, without it, at the next scrape
    }
  }

  private AttributeList readOneByOne(MBeanServer server) {
    AttributeList values = new AttributeList();
    for (String attribute : requested) {
      try {
        values.add(new Attribute(attribute, server.getAttribute(name, attribute)));
      } catch (JMException | RuntimeException e) {
        // left out, as getAttributes leaves out what it cannot read
      }
    }
    return values;
  }

  private void describe(MBeanAttributeInfo[] infos) {
    List<String> names = new ArrayList<>();
    List<ValueNode> described = new ArrayList<>();
    List<Boolean> simpleTypes = new ArrayList<>();
    boolean runtime = name.toString().equals("java.lang:type=Runtime");
    boolean flightRecorder = name.toString().equals("jdk.management.jfr:type=FlightRecorder");
    for (MBeanAttributeInfo info : infos) {
      String attribute = info.getName();
      if (!info.isReadable()
          || excluded.contains(attribute)
          || flightRecorder
          || (runtime && RUNTIME_SKIPPED.contains(attribute.toLowerCase(java.util.Locale.ROOT)))
          || (info.getType() != null && info.getType().startsWith("["))
          || names.contains(attribute)) {
        continue;
      }
      int known = indexOf(attribute);
      names.add(attribute);
      // Set.of refuses to look for null, which some MBeans (Tomcat's) give as a type.
      simpleTypes.add(info.getType() != null && SIMPLE_TYPES.contains(info.getType()));
      described.add(
          known >= 0 && Objects.equals(nodes[known].description, info.getDescription())
              ? nodes[known]
              : new ValueNode(
                  name.getDomain(),
                  properties,
                  Collections.emptyList(),
                  attribute,
                  info.getDescription()));
    }
    attributes = names.toArray(new String[0]);
    nodes = described.toArray(new ValueNode[0]);
    simple = new boolean[attributes.length];
    for (int i = 0; i < simple.length; i++) {
      simple[i] = simpleTypes.get(i);
    }
    values = new Object[attributes.length];
    read = new boolean[attributes.length];
    unsupported = new boolean[attributes.length];
    probed = new boolean[attributes.length];
    aliasOf = new int[attributes.length];
    Arrays.fill(aliasOf, -1);
    if (name.toString().equals("java.lang:type=OperatingSystem") && AliasesDelegate.HOLDS) {
      for (int i = 0; i < attributes.length; i++) {
        String target = OPERATING_SYSTEM_ALIASES.get(attributes[i]);
        aliasOf[i] = target == null ? -1 : names.indexOf(target);
      }
    }
    request();
  }

  private int indexOf(String attribute) {
    for (int i = 0; i < attributes.length; i++) {
      if (attributes[i].equals(attribute)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether this JVM's deprecated OperatingSystem getters are the interface's, which call the
   * others (HotSpot since JDK 14); another JVM may implement them apart (OpenJ9). Asked once.
   */
  private static final class AliasesDelegate {
    static final boolean HOLDS = delegate();

    private static boolean delegate() {
      try {
        Class<?> implementation =
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getClass();
        for (String getter :
            List.of(
                "getFreePhysicalMemorySize", "getTotalPhysicalMemorySize", "getSystemCpuLoad")) {
          if (implementation.getMethod(getter).getDeclaringClass()
              != com.sun.management.OperatingSystemMXBean.class) {
            return false;
          }
        }
        return true;
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        return false;
      }
    }
  }
}
