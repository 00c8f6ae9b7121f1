package io.github.statusexporter.jmxrules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

/**
 * A getter that says its attribute is not supported (as a memory pool without thresholds does of
 * them, at every read) is not asked again; one that fails otherwise is asked at every scrape, as
 * jmx_exporter asks them all. Neither gives a sample, there or here.
 */
class UnsupportedAttributesTest {
  public interface ThresholdsMBean {
    long getUsed();

    long getThreshold();

    long getFlaky();
  }

  public static final class Thresholds implements ThresholdsMBean {
    final AtomicInteger thresholdCalls = new AtomicInteger();
    final AtomicInteger flakyCalls = new AtomicInteger();

    @Override
    public long getUsed() {
      return 42;
    }

    @Override
    public long getThreshold() {
      thresholdCalls.incrementAndGet();
      throw new UnsupportedOperationException("Usage threshold is not supported");
    }

    @Override
    public long getFlaky() {
      flakyCalls.incrementAndGet();
      throw new IllegalStateException("not now");
    }
  }

  @Test
  void anUnsupportedAttributeIsAskedOnceAndAnotherFailureEveryScrape() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    Thresholds bean = new Thresholds();
    ExampleBeans.register(server, "app:type=Pool", bean);
    JmxRulesCollector collector =
        new JmxRulesCollector(server, JmxExporterConfig.parse("rules:\n- pattern: '.*'\n"));

    for (int scrape = 1; scrape <= 5; scrape++) {
      String text = Scrapes.withoutSelfMetrics(Scrapes.text(collector.collect()));
      assertThat(text)
          .isEqualTo(
              """
          # HELP app_Pool_Used Attribute exposed for management app:name=null,type=Pool,attribute=Used
          # TYPE app_Pool_Used untyped
          app_Pool_Used 42.0
          """);
    }
    // The first scrape's read, then its question on its own.
    assertThat(bean.thresholdCalls).hasValue(2);
    // Each scrape's read, and the first scrape's question on its own.
    assertThat(bean.flakyCalls).hasValue(6);
  }

  /** The JVM's own memory pools: their unsupported thresholds stop being asked, same series. */
  @Test
  void theJvmsMemoryPoolsGiveTheSameSeriesWithoutAskingTheirUnsupportedThresholdsAgain()
      throws Exception {
    JmxExporterConfig config =
        JmxExporterConfig.parse(
            "includeObjectNames: ['java.lang:type=MemoryPool,*']\n"
                + "rules:\n- pattern: 'java.lang<name=(.+), type=MemoryPool><>(\\w+Threshold\\w*)'\n"
                + "  name: pool_$2\n  labels: {pool: '$1'}\n");
    JmxRulesCollector kept =
        new JmxRulesCollector(ManagementFactory.getPlatformMBeanServer(), config);
    kept.collect();
    String later = Scrapes.withoutSelfMetrics(Scrapes.text(kept.collect()));
    String fresh =
        Scrapes.withoutSelfMetrics(
            Scrapes.text(
                new JmxRulesCollector(ManagementFactory.getPlatformMBeanServer(), config)
                    .collect()));
    assertThat(later).isEqualTo(fresh).contains("pool_UsageThreshold{pool=\"");
  }
}
