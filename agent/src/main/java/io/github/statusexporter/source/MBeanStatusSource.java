package io.github.statusexporter.source;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Reads the attributes of an MBean, or of every MBean a pattern matches, from the platform MBean
 * server. Attribute names become snake_case fields ({@code CurrentRequests} → {@code
 * current_requests}). The MBean server is first touched on the read, which runs on the agent's
 * reader thread: never on {@code premain}, where it would break JBoss-style log managers.
 */
public final class MBeanStatusSource implements StatusSource {
  private final ObjectName name;
  private final KeyPropertyLabels keyLabels;

  /** A source whose pattern's series carry every key property. */
  public MBeanStatusSource(ObjectName name) {
    this(name, KeyPropertyLabels.ALL);
  }

  /**
   * @param keyLabels the key properties that label each MBean's series; chosen ones label those of
   *     a single named MBean too
   */
  public MBeanStatusSource(ObjectName name, KeyPropertyLabels keyLabels) {
    this.name = name;
    this.keyLabels = keyLabels;
  }

  @Override
  public Reading read() throws SourceException {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    // Sorted, so that records, and the series they become, keep their order between scrapes.
    Set<ObjectName> names = new TreeSet<>(server.queryNames(name, null));
    List<Record> records = new ArrayList<>(names.size());
    UnreadableFields unreadable = new UnreadableFields();
    for (ObjectName each : names) {
      MBeanInfo info;
      try {
        info = server.getMBeanInfo(each);
      } catch (InstanceNotFoundException e) {
        continue; // unregistered since the query
      } catch (Exception e) {
        unreadable.add(UnreadableField.attributesOf(each, e));
        continue;
      }
      Map<String, Object> document = new TreeMap<>();
      for (MBeanAttributeInfo attribute : info.getAttributes()) {
        if (!attribute.isReadable()) {
          continue;
        }
        Object value = readAttribute(server, each, attribute.getName(), unreadable);
        if (value != null) {
          document.put(FieldPath.snakeCase(attribute.getName()), value);
        }
      }
      records.add(
          new Record(
              name.isPattern() || keyLabels.isChosen() ? keyLabels.of(each) : Map.of(), document));
    }
    // A pattern that matches nothing yet is a healthy source with no series (a broker with no
    // queue yet); only a named MBean can be missing.
    if (records.isEmpty() && !name.isPattern()) {
      throw new SourceException(FailureReason.NOT_FOUND, "no MBean is registered as " + name);
    }
    return unreadable.reading(records);
  }

  /**
   * The converted value; null when the attribute is null or cannot be had, which {@code unreadable}
   * is then told.
   */
  private static Object readAttribute(
      MBeanServer server, ObjectName name, String attribute, UnreadableFields unreadable) {
    try {
      Object raw = server.getAttribute(name, attribute);
      if (raw == null) {
        return null;
      }
      Object converted = MBeanValues.convert(raw);
      if (converted == null) {
        unreadable.add(
            UnreadableField.attribute(
                name,
                attribute,
                MBeanValues.tooLarge(raw)
                    ? "a "
                        + raw.getClass().getName()
                        + " of more than "
                        + MBeanValues.MAX_ELEMENTS
                        + " elements, more than is read"
                    : "a "
                        + raw.getClass().getName()
                        + " has no number, string, list or map form"));
      }
      return converted;
    } catch (Exception | LinkageError | StackOverflowError e) {
      // The getter threw, the attribute's class cannot be loaded here, or its value changed
      // or refers to itself while it was converted.
      unreadable.add(UnreadableField.attribute(name, attribute, e));
      return null;
    }
  }

  @Override
  public String describe() {
    return "mbean:" + name;
  }
}
