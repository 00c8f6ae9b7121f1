package io.github.statusexporter.jvm;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import io.github.statusexporter.family.CounterFamily;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.Map;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * {@code jvm_memory_pool_allocated_bytes_total} as client_java's {@code
 * JvmMemoryPoolAllocationMetrics} writes it: the bytes allocated in each memory pool, counted from
 * its usage before and after every collection (so it moves at collections only). The agent's own
 * because client_java 1.10 builds that counter from its global properties, exemplars on, and the
 * exemplar sampler starts a thread of its own ({@code prometheus-metrics-scheduler}) at the
 * application's first collection.
 */
final class MemoryPoolAllocations implements NotificationListener {
  private final CounterFamily allocated =
      new CounterFamily(
          "jvm_memory_pool_allocated_bytes",
          "Total bytes allocated in a given JVM memory pool. Only updated after GC, not"
              + " continuously.",
          "pool");

  /** Each pool's usage after the last collection. */
  private final Map<String, Long> lastUsage = new HashMap<>();

  MemoryPoolAllocations(PrometheusRegistry registry) {
    registry.register(allocated);
  }

  /** Registers the counter and listens to every collector's notifications. */
  static void register(PrometheusRegistry registry) {
    MemoryPoolAllocations listener = new MemoryPoolAllocations(registry);
    for (GarbageCollectorMXBean collector : PlatformBeans.collectors()) {
      if (collector instanceof NotificationEmitter) {
        NotificationEmitter emitter = (NotificationEmitter) collector;
        try {
          emitter.addNotificationListener(listener, null, null);
        } catch (UnsatisfiedLinkError notLoaded) {
          // The JDK's libmanagement_ext, which PlatformBeans has the JDK load and a later JDK may
          // load elsewhere: ManagementFactory's search of the platform components loads it.
          ManagementFactory.getGarbageCollectorMXBeans();
          emitter.addNotificationListener(listener, null, null);
        }
      }
    }
  }

  /**
   * Called on the JVM's notification thread after each collection. Never throws: the JDK answers a
   * listener's exception with a stack trace and an error that the application's own listeners after
   * it would not survive.
   */
  @Override
  public synchronized void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    try {
      GcInfo collection =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
              .getGcInfo();
      Map<String, MemoryUsage> after = collection.getMemoryUsageAfterGc();
      for (Map.Entry<String, MemoryUsage> before : collection.getMemoryUsageBeforeGc().entrySet()) {
        MemoryUsage usageAfter = after.get(before.getKey());
        if (usageAfter != null) {
          collected(before.getKey(), before.getValue().getUsed(), usageAfter.getUsed());
        }
      }
    } catch (RuntimeException e) {
      // A collection uncounted; the next one counts from the usage it reports.
    }
  }

  /**
   * Allocated since the last collection: what the pool grew by until this one, plus what this one
   * moved into it (a survivor or old pool fills during a collection).
   */
  void collected(String pool, long usedBefore, long usedAfter) {
    Long last = lastUsage.put(pool, usedAfter);
    long grownSince = Math.max(0, usedBefore - (last == null ? 0 : last));
    long grownDuring = Math.max(0, usedAfter - usedBefore);
    if (grownSince + grownDuring > 0) {
      allocated.labelValues(pool).inc(grownSince + grownDuring);
    }
  }
}
