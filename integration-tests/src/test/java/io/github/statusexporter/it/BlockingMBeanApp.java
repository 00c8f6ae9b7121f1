package io.github.statusexporter.it;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * An application whose MBean has a getter that blocks for 10 s, as a deadlocked or remote-backed
 * getter would. Arguments: how long to run, in milliseconds.
 */
public final class BlockingMBeanApp {
  private BlockingMBeanApp() {}

  /** The MBean's interface. */
  public interface SlowMBean {
    int getQueueDepth();
  }

  /** A getter that takes 10 s. */
  public static final class Slow implements SlowMBean {
    @Override
    public int getQueueDepth() {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 7;
    }
  }

  public static void main(String[] args) throws Exception {
    ManagementFactory.getPlatformMBeanServer()
        .registerMBean(new Slow(), new ObjectName("test:type=Slow"));
    System.out.println("blocking-mbean-app ready");
    Thread.sleep(Long.parseLong(args[0]));
  }
}
