package io.github.statusexporter.jmxrules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

/**
 * A family whose samples did not change since the walk before is that walk's snapshot again; one
 * whose value moved is made anew, with the new value. The text is the same as without reuse.
 */
class UnchangedFamiliesTest {
  public interface PoolMBean {
    long getMax();

    long getActive();
  }

  public static final class Pool implements PoolMBean {
    volatile long active = 1;

    @Override
    public long getMax() {
      return 200;
    }

    @Override
    public long getActive() {
      return active;
    }
  }

  @Test
  void anUnchangedFamilyIsTheSnapshotOfTheWalkBeforeAndAChangedOneIsNew() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    Pool pool = new Pool();
    ExampleBeans.register(server, "app:type=Pool", pool);
    JmxRulesCollector collector =
        new JmxRulesCollector(server, JmxExporterConfig.parse("rules:\n- pattern: '.*'\n"));

    collector.collect(); // the first walk finds the rules' outcomes; later ones remember them
    MetricSnapshots first = collector.collect();
    pool.active = 7;
    MetricSnapshots second = collector.collect();

    assertThat(family(second, "app_Pool_Max")).isSameAs(family(first, "app_Pool_Max"));
    assertThat(family(second, "app_Pool_Active")).isNotSameAs(family(first, "app_Pool_Active"));
    assertThat(Scrapes.withoutSelfMetrics(Scrapes.text(second)))
        .isEqualTo(
            """
        # HELP app_Pool_Active Attribute exposed for management app:name=null,type=Pool,attribute=Active
        # TYPE app_Pool_Active untyped
        app_Pool_Active 7.0
        # HELP app_Pool_Max Attribute exposed for management app:name=null,type=Pool,attribute=Max
        # TYPE app_Pool_Max untyped
        app_Pool_Max 200.0
        """);
  }

  private static MetricSnapshot family(MetricSnapshots snapshots, String name) {
    for (MetricSnapshot snapshot : snapshots) {
      if (snapshot.getMetadata().getPrometheusName().equals(name)) {
        return snapshot;
      }
    }
    throw new AssertionError("no family " + name);
  }
}
