package io.github.statusexporter.jmxrules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

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

  final ObjectName name;
  private final LinkedHashMap<String, String> properties;
  private final Set<String> excluded;
  private String[] attributes = new String[0];
  private ValueNode[] nodes = new ValueNode[0];
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
    if (attributes.length == 0) {
      return;
    }
    AttributeList values;
    try {
      values = server.getAttributes(name, attributes);
    } catch (JMException | RuntimeException e) {
      readOneByOne(server, walk);
      return;
    }
    if (values == null) {
      return;
    }
    List<Attribute> list = values.asList();
    for (int i = 0; i < list.size(); i++) {
      Attribute value = list.get(i);
      // In the order asked for, unless some could not be read.
      int index =
          i < attributes.length && attributes[i].equals(value.getName())
              ? i
              : indexOf(value.getName());
      if (index >= 0) {
        walk.walk(nodes[index], value.getValue());
      }
    }
  }

  /** Stops reading an attribute: its value was of a type that cannot become a sample. */
  void exclude(String attribute) {
    if (excluded.add(attribute)) {
      infoRead = false; // the list is made again, without it, at the next scrape
    }
  }

  private void readOneByOne(MBeanServer server, ValueWalk walk) {
    for (int i = 0; i < attributes.length; i++) {
      Object value;
      try {
        value = server.getAttribute(name, attributes[i]);
      } catch (JMException | RuntimeException e) {
        continue;
      }
      walk.walk(nodes[i], value);
    }
  }

  private void describe(MBeanAttributeInfo[] infos) {
    List<String> names = new ArrayList<>();
    List<ValueNode> described = new ArrayList<>();
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
  }

  private int indexOf(String attribute) {
    for (int i = 0; i < attributes.length; i++) {
      if (attributes[i].equals(attribute)) {
        return i;
      }
    }
    return -1;
  }
}
