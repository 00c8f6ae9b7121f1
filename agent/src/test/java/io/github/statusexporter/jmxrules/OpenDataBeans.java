package io.github.statusexporter.jmxrules;

import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * The MBeans of jmx_exporter 1.0.1's collector tests whose values are open data (Apache-2.0, {@code
 * collector/src/test/java/io/prometheus/jmx/}): a composite, and maps that the MXBean mapping turns
 * into tables, one of them keyed by a composite. Same object names and attributes.
 */
final class OpenDataBeans {
  private OpenDataBeans() {}

  static void registerAll(MBeanServer server) throws JMException {
    ExampleBeans.register(
        server, "io.prometheus.jmx.test:name=PerformanceMetricsMBean", new PerformanceMetrics());
    ExampleBeans.register(
        server, "Hadoop:name=DataNodeInfo,service=DataNode", new HadoopDataNode());
    ExampleBeans.register(server, "org.exist.management.exist:type=ProcessReport", new ExistDb());
  }

  public interface PerformanceMetricsMBean {
    CompositeData getPerformanceMetrics() throws OpenDataException;
  }

  /** A composite of three longs: one series per item, in the composite type's (sorted) order. */
  public static final class PerformanceMetrics implements PerformanceMetricsMBean {
    @Override
    public CompositeData getPerformanceMetrics() throws OpenDataException {
      String[] names = {"ActiveSessions", "Bootstraps", "BootstrapsDeferred"};
      OpenType<?>[] types = {SimpleType.LONG, SimpleType.LONG, SimpleType.LONG};
      CompositeType type =
          new CompositeType("PerformanceMetrics", "Example composite data", names, names, types);
      return new CompositeDataSupport(type, names, new Object[] {2L, 4L, 6L});
    }
  }

  /** A map of maps: a table whose rows hold a table; each level's key becomes a label. */
  public interface HadoopDataNodeMXBean {
    Map<String, Map<String, Long>> getDatanodeNetworkCounts();
  }

  public static final class HadoopDataNode implements HadoopDataNodeMXBean {
    @Override
    public Map<String, Map<String, Long>> getDatanodeNetworkCounts() {
      return Map.of("1.2.3.4", Map.of("networkErrors", 338L));
    }
  }

  /** eXist-db's running queries: a table keyed by a composite (id and path). */
  public interface ExistDbMXBean {
    Map<QueryKey, RunningQuery> getRunningQueries();
  }

  public static final class ExistDb implements ExistDbMXBean {
    @Override
    public Map<QueryKey, RunningQuery> getRunningQueries() {
      Map<QueryKey, RunningQuery> queries = new TreeMap<>();
      for (int id = 1; id <= 2; id++) {
        String path = "/db/query" + id + ".xq";
        queries.put(new QueryKey(id, path), new RunningQuery(id, path));
      }
      return queries;
    }
  }

  /** The key of a running query; its getters become the composite's items. */
  public static final class QueryKey implements Comparable<QueryKey> {
    private final int id;
    private final String path;

    QueryKey(int id, String path) {
      this.id = id;
      this.path = path;
    }

    public int getId() {
      return id;
    }

    public String getPath() {
      return path;
    }

    @Override
    public int compareTo(QueryKey other) {
      return path.compareTo(other.path);
    }
  }

  /**
   * A running query. jmx_exporter's fixture computes the elapsed time from the clock; fixed here,
   * so that whole families can be compared.
   */
  public static final class RunningQuery {
    private final int id;
    private final String path;

    RunningQuery(int id, String path) {
      this.id = id;
      this.path = path;
    }

    public int getId() {
      return id;
    }

    public String getPath() {
      return path;
    }

    public long getStartedAtTime() {
      return 1_573_285_945_000L;
    }

    public long getElapsedTime() {
      return 1500;
    }
  }
}
