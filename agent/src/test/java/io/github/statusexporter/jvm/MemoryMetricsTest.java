package io.github.statusexporter.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The families' names, help and labels against client_java's are in {@link JvmCollectorsTest}; here
 * their values, and that a scrape asks each usage once.
 */
class MemoryMetricsTest {
  @Test
  void figuresThatDoNotMoveEqualClientJavasAndEveryPoolHasItsSeries() {
    MemoryMetrics ours =
        new MemoryMetrics(
            ManagementFactory.getMemoryMXBean(), ManagementFactory.getMemoryPoolMXBeans());
    PrometheusRegistry clientJava = new PrometheusRegistry();
    JvmMemoryMetrics.builder(PrometheusProperties.builder().build()).register(clientJava);

    for (String family :
        List.of(
            "jvm_memory_init_bytes",
            "jvm_memory_max_bytes",
            "jvm_memory_pool_init_bytes",
            "jvm_memory_pool_max_bytes",
            "jvm_memory_pool_collection_init_bytes",
            "jvm_memory_pool_collection_max_bytes")) {
      Map<String, Double> expected = values(clientJava.scrape(family::equals), family);
      assertThat(values(ours.collect(family::equals), family)).as(family).isEqualTo(expected);
    }
    Map<String, Double> used = values(ours.collect(), "jvm_memory_pool_used_bytes");
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      assertThat(used).containsKey(pool.getName());
    }
  }

  @Test
  void aScrapeAsksEachPoolForItsUsageOnceAndOnlyForWhatItWants() {
    List<CountingPool> pools = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pools.add(new CountingPool(pool));
    }
    MemoryMetrics metrics =
        new MemoryMetrics(ManagementFactory.getMemoryMXBean(), new ArrayList<>(pools));

    metrics.collect();
    for (CountingPool pool : pools) {
      assertThat(pool.usages.get()).as(pool.getName()).isEqualTo(1);
      assertThat(pool.collectionUsages.get()).as(pool.getName()).isEqualTo(1);
    }

    // As a scrape of ?name[]=jvm_memory_used_bytes reaches it: through the registry, with the
    // scrape's request.
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(metrics);
    MetricSnapshots scraped =
        registry.scrape(name -> name.equals("jvm_memory_used_bytes"), new ScrapeOf("/metrics"));
    assertThat(scraped.size()).isEqualTo(1);
    for (CountingPool pool : pools) {
      assertThat(pool.usages.get()).isEqualTo(1);
      assertThat(pool.collectionUsages.get()).isEqualTo(1);
    }
  }

  private static final class ScrapeOf implements PrometheusScrapeRequest {
    private final String path;

    ScrapeOf(String path) {
      this.path = path;
    }

    @Override
    public String getRequestPath() {
      return path;
    }

    @Override
    public String[] getParameterValues(String name) {
      return null;
    }
  }

  /** The series of {@code family} by their label's value. */
  private static Map<String, Double> values(MetricSnapshots snapshots, String family) {
    Map<String, Double> values = new TreeMap<>();
    for (MetricSnapshot snapshot : snapshots) {
      if (!snapshot.getMetadata().getPrometheusName().equals(family)) {
        continue;
      }
      for (DataPointSnapshot point : snapshot.getDataPoints()) {
        values.put(point.getLabels().getValue(0), ((GaugeDataPointSnapshot) point).getValue());
      }
    }
    assertThat(values).as(family).isNotEmpty();
    return values;
  }

  /** A real pool that counts how often it is asked its usages. */
  private static final class CountingPool implements MemoryPoolMXBean {
    private final MemoryPoolMXBean pool;
    final AtomicInteger usages = new AtomicInteger();
    final AtomicInteger collectionUsages = new AtomicInteger();

    CountingPool(MemoryPoolMXBean pool) {
      this.pool = pool;
    }

    @Override
    public MemoryUsage getUsage() {
      usages.incrementAndGet();
      return pool.getUsage();
    }

    @Override
    public MemoryUsage getCollectionUsage() {
      collectionUsages.incrementAndGet();
      return pool.getCollectionUsage();
    }

    @Override
    public String getName() {
      return pool.getName();
    }

    @Override
    public MemoryType getType() {
      return pool.getType();
    }

    @Override
    public MemoryUsage getPeakUsage() {
      return pool.getPeakUsage();
    }

    @Override
    public boolean isValid() {
      return pool.isValid();
    }

    @Override
    public String[] getMemoryManagerNames() {
      return pool.getMemoryManagerNames();
    }

    @Override
    public long getUsageThreshold() {
      return pool.getUsageThreshold();
    }

    @Override
    public void setUsageThreshold(long threshold) {
      pool.setUsageThreshold(threshold);
    }

    @Override
    public boolean isUsageThresholdExceeded() {
      return pool.isUsageThresholdExceeded();
    }

    @Override
    public boolean isUsageThresholdSupported() {
      return pool.isUsageThresholdSupported();
    }

    @Override
    public long getUsageThresholdCount() {
      return pool.getUsageThresholdCount();
    }

    @Override
    public long getCollectionUsageThreshold() {
      return pool.getCollectionUsageThreshold();
    }

    @Override
    public void setCollectionUsageThreshold(long threshold) {
      pool.setCollectionUsageThreshold(threshold);
    }

    @Override
    public boolean isCollectionUsageThresholdExceeded() {
      return pool.isCollectionUsageThresholdExceeded();
    }

    @Override
    public boolean isCollectionUsageThresholdSupported() {
      return pool.isCollectionUsageThresholdSupported();
    }

    @Override
    public long getCollectionUsageThresholdCount() {
      return pool.getCollectionUsageThresholdCount();
    }

    @Override
    public void resetPeakUsage() {
      pool.resetPeakUsage();
    }

    @Override
    public ObjectName getObjectName() {
      return pool.getObjectName();
    }
  }
}
