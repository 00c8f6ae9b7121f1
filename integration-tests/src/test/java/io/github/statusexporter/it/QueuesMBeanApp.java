package io.github.statusexporter.it;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * An application with two queue MBeans named as ActiveMQ Classic names them, each with a getter
 * that always throws, as a broker without a persistent store does. Arguments: how long to run, in
 * milliseconds.
 */
public final class QueuesMBeanApp {
  private QueuesMBeanApp() {}

  /** The MBean's interface. */
  public interface QueueMBean {
    long getQueueSize();

    long getStorePercentUsage();
  }

  /** A queue of a fixed size. */
  public static final class Queue implements QueueMBean {
    private final long size;

    Queue(long size) {
      this.size = size;
    }

    @Override
    public long getQueueSize() {
      return size;
    }

    @Override
    public long getStorePercentUsage() {
      throw new UnsupportedOperationException("this broker has no persistent store");
    }
  }

  public static void main(String[] args) throws Exception {
    register("orders", 3);
    register("payments", 5);
    System.out.println("queues-mbean-app ready");
    Thread.sleep(Long.parseLong(args[0]));
  }

  private static void register(String queue, long size) throws Exception {
    ManagementFactory.getPlatformMBeanServer()
        .registerMBean(
            new Queue(size),
            new ObjectName(
                "test.broker:type=Broker,brokerName=main,destinationType=Queue,destinationName="
                    + queue));
  }
}
