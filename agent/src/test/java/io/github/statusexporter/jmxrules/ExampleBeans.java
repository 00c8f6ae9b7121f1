package io.github.statusexporter.jmxrules;

import java.util.Date;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The plain MBeans of jmx_exporter 1.0.1's collector tests (Apache-2.0, {@code
 * collector/src/test/java/io/prometheus/jmx/*MBean.java}), with the same object names, attributes
 * and values, so that its documented series hold here unchanged. The open-data ones are in {@link
 * OpenDataBeans}.
 */
final class ExampleBeans {
  private ExampleBeans() {}

  /** Every bean of jmx_exporter's {@code JmxCollectorTest} but the colliding names. */
  static void registerAll(MBeanServer server) throws JMException {
    register(server, "boolean:Type=Test", new Bool());
    register(
        server,
        "org.apache.camel:context=my-camel-context,type=routes,name=\"my-route-name\"",
        new Camel());
    register(server, "org.apache.cassandra.concurrent:type=CONSISTENCY-MANAGER", new Cassandra());
    register(
        server,
        "org.apache.cassandra.metrics:type=Compaction,name=CompletedTasks",
        new CassandraMetrics());
    register(
        server, "hadoop:service=DataNode,name=DataNodeActivity-ams-hdd001-50010", new Hadoop());
    register(
        server,
        "Catalina:j2eeType=Servlet,WebModule=//localhost/host-manager,name=HTMLHostManager,"
            + "J2EEApplication=none,J2EEServer=none",
        new TomcatServlet(1));
    register(server, "org.bean.enum:type=StateMetrics", new BeanWithEnum());
  }

  static ObjectName register(MBeanServer server, String name, Object bean) throws JMException {
    ObjectName objectName = new ObjectName(name);
    server.registerMBean(bean, objectName);
    return objectName;
  }

  public interface BoolMBean {
    boolean getTrue();

    boolean getFalse();
  }

  /** Booleans are exported as 1 and 0. */
  public static final class Bool implements BoolMBean {
    @Override
    public boolean getTrue() {
      return true;
    }

    @Override
    public boolean getFalse() {
      return false;
    }
  }

  public interface CamelMBean {
    Date getLastExchangeFailureTimestamp();
  }

  /** A {@link Date} is exported in seconds since the epoch, as a double. */
  public static final class Camel implements CamelMBean {
    static final long EPOCH_MILLIS = 1_573_285_945_111L;

    @Override
    public Date getLastExchangeFailureTimestamp() {
      return new Date(EPOCH_MILLIS);
    }
  }

  public interface CassandraMBean {
    int getActiveCount();
  }

  /** One key property: it becomes part of the name, and there is no label. */
  public static final class Cassandra implements CassandraMBean {
    @Override
    public int getActiveCount() {
      return 100;
    }
  }

  /** How yammer metrics (Cassandra's) look through JMX: one {@code Value} per metric. */
  public interface CassandraMetricsMBean {
    float getValue();
  }

  public static final class CassandraMetrics implements CassandraMetricsMBean {
    @Override
    public float getValue() {
      return 0.2f;
    }
  }

  /** The lower-case getter gives the attribute {@code replaceBlockOpMinTime}. */
  public interface HadoopMBean {
    int getreplaceBlockOpMinTime();
  }

  public static final class Hadoop implements HadoopMBean {
    @Override
    public int getreplaceBlockOpMinTime() {
      return 200;
    }
  }

  public interface TomcatServletMBean {
    int getRequestCount();
  }

  /** A servlet as Tomcat registers it, with five key properties. */
  public static final class TomcatServlet implements TomcatServletMBean {
    private final int requestCount;

    TomcatServlet(int requestCount) {
      this.requestCount = requestCount;
    }

    @Override
    public int getRequestCount() {
      return requestCount;
    }
  }

  /** An enum constant, exported only through a rule's {@code value}. */
  public enum State {
    RUNNING,
    TERMINATED
  }

  public interface BeanWithEnumMBean {
    State getState();
  }

  public static final class BeanWithEnum implements BeanWithEnumMBean {
    @Override
    public State getState() {
      return State.RUNNING;
    }
  }

  public interface TotalValueMBean {
    int getTotal();
  }

  /** {@code Total}: an attribute whose name looks like a counter's suffix, but is not one. */
  public static final class TotalValue implements TotalValueMBean {
    @Override
    public int getTotal() {
      return 345;
    }
  }

  public interface CollidingNameMBean {
    int getValue();
  }

  /** Registered under names that differ in one character that the metric name cannot hold. */
  public static final class CollidingName implements CollidingNameMBean {
    @Override
    public int getValue() {
      return 345;
    }
  }
}
