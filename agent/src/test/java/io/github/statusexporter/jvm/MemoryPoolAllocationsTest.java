package io.github.statusexporter.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import javax.management.Notification;
import org.junit.jupiter.api.Test;

/** The arithmetic of client_java's allocation counter, collection by collection. */
class MemoryPoolAllocationsTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final MemoryPoolAllocations allocations = new MemoryPoolAllocations(registry);

  @Test
  void edenCountsWhatFilledItSinceTheLastCollection() {
    allocations.collected("eden", 100, 0); // the first collection: all of it
    allocations.collected("eden", 70, 0);
    allocations.collected("eden", 50, 10);

    assertThat(allocated("eden")).isEqualTo(220);
  }

  @Test
  void anOldPoolCountsWhatACollectionMovedIntoItAndWhatGrewItBetween() {
    allocations.collected("old", 10, 40); // 10 before, 30 promoted
    allocations.collected("old", 45, 45); // 5 allocated directly in between
    allocations.collected("old", 45, 20); // a full collection freed some: nothing allocated

    assertThat(allocated("old")).isEqualTo(45);
  }

  @Test
  void aNotificationItCannotReadIsIgnoredNotThrownIntoTheJvmsNotificationThread() {
    Notification odd =
        new Notification(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION, "", 1);
    odd.setUserData("not a GcInfo");

    assertThatCode(() -> allocations.handleNotification(odd, null)).doesNotThrowAnyException();
    assertThatCode(() -> allocations.handleNotification(new Notification("other", "", 2), null))
        .doesNotThrowAnyException();
  }

  private double allocated(String pool) {
    CounterSnapshot snapshot =
        (CounterSnapshot) registry.scrape(name -> name.startsWith("jvm_memory_pool")).get(0);
    for (CounterDataPointSnapshot point : snapshot.getDataPoints()) {
      if (point.getLabels().get("pool").equals(pool)) {
        return point.getValue();
      }
    }
    throw new AssertionError("no series for pool " + pool);
  }
}
