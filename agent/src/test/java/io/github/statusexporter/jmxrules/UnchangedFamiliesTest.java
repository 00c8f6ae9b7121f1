package io.github.statusexporter.jmxrules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashSet;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
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

  @Test
  void aFamilyWhoseSamplesChangeLessenOrGrowIsWhatAWalkWithoutTheOneBeforeMakes() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    Pool[] pools = {new Pool(), new Pool(), new Pool()};
    for (int i = 0; i < pools.length; i++) {
      ExampleBeans.register(server, "app:type=Pool,name=p" + i, pools[i]);
    }
    JmxExporterConfig config = JmxExporterConfig.parse("rules:\n- pattern: '.*'\n");
    JmxRulesCollector collector = new JmxRulesCollector(server, config);
    collector.collect();
    collector.collect();

    pools[1].active = 5; // a sample in the middle
    assertThat(text(collector)).isEqualTo(text(new JmxRulesCollector(server, config)));
    // The pool walked last (the walk goes in the order of a set of all names, as made here): the
    // family is then the first samples of the walk before's.
    ObjectName last = null;
    Set<ObjectName> names = new HashSet<>(server.queryNames(null, null));
    for (ObjectName name : names) {
      if (name.getDomain().equals("app")) {
        last = name;
      }
    }
    server.unregisterMBean(last);
    assertThat(text(collector))
        .isEqualTo(text(new JmxRulesCollector(server, config)))
        .doesNotContain(last.getKeyProperty("name") + "\"");
    ExampleBeans.register(server, "app:type=Pool,name=p3", new Pool()); // one more
    assertThat(text(collector))
        .isEqualTo(text(new JmxRulesCollector(server, config)))
        .contains("app_Pool_Active{name=\"p3\"} 1.0");
  }

  private static String text(JmxRulesCollector collector) throws Exception {
    return Scrapes.withoutSelfMetrics(Scrapes.text(collector.collect()));
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
