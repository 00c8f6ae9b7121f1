package io.github.statusexporter.source;

import javax.management.JMException;
import javax.management.JMRuntimeException;
import javax.management.ObjectName;

/**
 * A field that a source has but could not read, named: an MBean attribute whose getter threw or
 * whose value has no form a status document can hold. The source leaves it out; the agent names it
 * once in its log, and the sources page names it too.
 */
public final class UnreadableField {
  /** The longest reason kept: enough for an exception and its message, bounded for the log. */
  static final int MAX_WHY_LENGTH = 200;

  private final String owner;
  private final String field;
  private final String why;

  private UnreadableField(String owner, String field, String why) {
    this.owner = owner;
    this.field = field;
    this.why = OneLine.of(why, MAX_WHY_LENGTH);
  }

  /** An attribute of an MBean whose getter threw, or whose value could not be converted. */
  static UnreadableField attribute(ObjectName mbean, String attribute, Throwable thrown) {
    return new UnreadableField(mbean.toString(), attribute, reason(thrown));
  }

  /** An attribute of an MBean that cannot be had, for the reason given. */
  public static UnreadableField attribute(ObjectName mbean, String attribute, String why) {
    return new UnreadableField(mbean.toString(), attribute, why);
  }

  /** An MBean whose attributes could not even be listed. */
  static UnreadableField attributesOf(ObjectName mbean, Throwable thrown) {
    return new UnreadableField(mbean.toString(), null, reason(thrown));
  }

  /** What holds the field: the MBean's name. */
  public String owner() {
    return owner;
  }

  /** The field as the source names it ({@code ActiveConnections}); null for all of its owner's. */
  public String field() {
    return field;
  }

  /** Why, short and on one line: {@code UnsupportedOperationException: not on this broker}. */
  public String why() {
    return why;
  }

  /** {@code attribute QueueSize of MBean org.apache.activemq:type=Broker,...}. */
  public String describe() {
    return field == null
        ? "the attributes of MBean " + owner
        : "attribute " + field + " of MBean " + owner;
  }

  /**
   * The exception the application's code threw, not the JMX wrappers around it (a getter's
   * exception arrives as a RuntimeMBeanException or MBeanException).
   */
  private static String reason(Throwable thrown) {
    Throwable cause = thrown;
    while ((cause instanceof JMException || cause instanceof JMRuntimeException)
        && cause.getCause() != null
        && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public String toString() {
    return describe() + " (" + why + ")";
  }
}
