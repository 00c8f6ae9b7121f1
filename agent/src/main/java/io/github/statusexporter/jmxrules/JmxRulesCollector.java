package io.github.statusexporter.jmxrules;

import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The MBeans of the JVM made into metrics by a jmx_exporter configuration, with jmx_exporter
 * 1.0.1's names, types, help, labels and values, and its {@code jmx_*} self-metrics. Unlike
 * jmx_exporter, it keeps what each MBean and each rule came to between scrapes (see {@link
 * RuleChain}), and a family it cannot make, or one whose name another of the agent's families has,
 * is left out with one line rather than failing the scrape.
 */
public final class JmxRulesCollector implements MultiCollector {
  /** Most problems named in the log; then they are only counted. */
  private static final int MAX_NAMED_PROBLEMS = 100;

  private static final Set<String> SELF_METRICS =
      Set.of(
          "jmx_scrape_duration_seconds",
          "jmx_scrape_error",
          "jmx_scrape_cached_beans",
          "jmx_config_reload_success",
          "jmx_config_reload_failure");

  /**
   * How long a scrape waits for the walk over the MBeans: under Prometheus' default scrape timeout
   * (10 s), so that the scrape still answers in time with every other family. A large broker's walk
   * may take seconds; one that always takes longer serves every other scrape ({@link WalkThread}).
   */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(8);

  private final MBeanServer server;
  private final Consumer<String> log;
  private volatile WalkThread<Walked> walks;
  private final Set<String> named = new HashSet<>();
  private volatile Set<String> takenNames = Set.of();
  private State state;
  private int generation;
  private long reloadSuccesses;
  private long reloadFailures;

  /** The MBean the walk is reading, for the line that names it when the walk is overdue. */
  private volatile ObjectName reading;

  public JmxRulesCollector(MBeanServer server, JmxExporterConfig config) {
    this(server, config, line -> {});
  }

  public JmxRulesCollector(MBeanServer server, JmxExporterConfig config, Consumer<String> log) {
    this(server, config, log, DEFAULT_DEADLINE);
  }

  JmxRulesCollector(
      MBeanServer server, JmxExporterConfig config, Consumer<String> log, Duration deadline) {
    this.server = server;
    this.log = log;
    this.walks = new WalkThread<>(deadline);
    this.state = new State(config);
  }

  /**
   * Takes a changed configuration; counted as jmx_exporter counts its reloads. A walk stuck on an
   * MBean is left on its thread, and the new rules walk on a new one: excluding that MBean is what
   * its user will do.
   */
  public void reload(JmxExporterConfig config) {
    boolean leftStuck = false;
    synchronized (this) {
      state = new State(config);
      reloadSuccesses++;
      WalkThread<Walked> current = walks;
      if (current.isOverdue()) {
        current.abandon();
        walks = new WalkThread<>(current.deadline());
        leftStuck = true;
      }
    }
    if (leftStuck) {
      ObjectName stuck = reading;
      once(
          "the jmx_exporter rules' walk is still stuck on "
              + (stuck == null ? "the MBean server's query" : "MBean " + stuck)
              + ": it is left on its thread, and the reloaded rules walk on a new one");
    }
  }

  /** Counts a changed configuration that could not be loaded; the last good one stays. */
  public synchronized void reloadFailed() {
    reloadFailures++;
  }

  /** The names of the agent's other families, which a rule's family must not take. */
  public void takenNames(Set<String> names) {
    takenNames = Set.copyOf(names);
  }

  /**
   * The rules' families and the self-metrics. The families come from a walk on the walk's own
   * thread ({@link WalkThread}); when none ends within the deadline, only the self-metrics, with
   * {@code jmx_scrape_error} 1 and the MBean the walk waits on named once.
   */
  @Override
  public MetricSnapshots collect() {
    long start = System.nanoTime();
    Walked walked;
    try {
      walked = walks.await(this::walk);
    } catch (IllegalStateException e) {
      walked = new Walked(List.of(), 1, 0);
      once("the jmx_exporter rules' walk over the MBeans failed: " + e.getCause());
    }
    if (walked == null) {
      walked = new Walked(List.of(), 1, 0);
      if (!Thread.currentThread().isInterrupted()) {
        sayStuck();
      }
    }
    // Not MetricSnapshots' builder: it keeps a set of the names, which the constructor's sorted
    // check makes needless (hundreds of families with jmx_exporter's catch-all rules).
    List<MetricSnapshot> self = selfMetrics(walked, (System.nanoTime() - start) / 1e9);
    List<MetricSnapshot> snapshots = new ArrayList<>(walked.families.size() + self.size());
    snapshots.addAll(walked.families);
    snapshots.addAll(self);
    return new MetricSnapshots(snapshots);
  }

  private void sayStuck() {
    ObjectName stuck = reading;
    once(
        (stuck == null ? "the MBean server's query" : "MBean " + stuck)
            + " has not answered within "
            + walks.deadline().toMillis()
            + " ms: scrapes go on without the jmx_exporter rules' families until it does"
            + " (jmx_scrape_error 1); a thread dump shows where it waits (thread"
            + " status-exporter-jmx)");
  }

  /** One walk over the MBeans, on the walk's thread: the only thread that touches a State. */
  private Walked walk() {
    State current;
    synchronized (this) {
      current = state;
    }
    reading = null;
    ScrapeCounts counts = new ScrapeCounts();
    Families families = new Families(current.lastFamilies);
    generation++;
    current.scrape(families, counts, System.nanoTime());
    List<MetricSnapshot> built = new ArrayList<>();
    families.build(
        snapshot -> {
          if (isTaken(snapshot.getMetadata().getPrometheusName())) {
            once(
                "the family "
                    + snapshot.getMetadata().getPrometheusName()
                    + " of the jmx_exporter rules is left out: the agent's own family has that"
                    + " name; rename it in the rule");
          } else {
            built.add(snapshot);
          }
        },
        unusable -> {
          counts.errors++;
          once(
              "the family "
                  + unusable
                  + " of the jmx_exporter rules is left out: jmx_exporter would fail the whole"
                  + " scrape on it");
        });
    current.lastFamilies = families.made();
    return new Walked(built, counts.errors == 0 ? 0 : 1, counts.memoized);
  }

  /** What a walk made: the families, and what the self-metrics say of it. */
  private static final class Walked {
    final List<MetricSnapshot> families;
    final int error;
    final int cachedBeans;

    Walked(List<MetricSnapshot> families, int error, int cachedBeans) {
      this.families = families;
      this.error = error;
      this.cachedBeans = cachedBeans;
    }
  }

  /**
   * Whether another family of the agent has the name: one it had at start, the self-metrics here,
   * or one of those that come later (request metrics, the agent's own, on the server's first use).
   */
  private boolean isTaken(String name) {
    return takenNames.contains(name)
        || SELF_METRICS.contains(name)
        || name.startsWith("status_exporter_")
        || name.startsWith("http_server_");
  }

  private synchronized List<MetricSnapshot> selfMetrics(Walked walked, double seconds) {
    List<MetricSnapshot> self = new ArrayList<>();
    self.add(
        gauge("jmx_scrape_duration_seconds", "Time this JMX scrape took, in seconds.", seconds)
            .unit(Unit.SECONDS)
            .build());
    self.add(gauge("jmx_scrape_error", "Non-zero if this scrape failed.", walked.error).build());
    self.add(
        gauge(
                "jmx_scrape_cached_beans",
                "Number of beans with their matching rule cached",
                walked.cachedBeans)
            .build());
    self.add(
        counter(
            "jmx_config_reload_success",
            "Number of times configuration have successfully been reloaded.",
            reloadSuccesses));
    self.add(
        counter(
            "jmx_config_reload_failure",
            "Number of times configuration have failed to be reloaded.",
            reloadFailures));
    return self;
  }

  private static GaugeSnapshot.Builder gauge(String name, String help, double value) {
    return GaugeSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(
            GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(Labels.EMPTY)
                .value(value)
                .build());
  }

  private static CounterSnapshot counter(String name, String help, double value) {
    return CounterSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(
            CounterSnapshot.CounterDataPointSnapshot.builder()
                .labels(Labels.EMPTY)
                .value(value)
                .build())
        .build();
  }

  /** Says the line unless said before; the log is written outside the lock (stderr may block). */
  private void once(String line) {
    String said = null;
    synchronized (this) {
      if (named.size() < MAX_NAMED_PROBLEMS && named.add(line)) {
        said = line;
      } else if (named.size() == MAX_NAMED_PROBLEMS && named.add("more")) {
        said = "more problems with the jmx_exporter rules are not named; jmx_scrape_error says";
      }
    }
    if (said != null) {
      log.accept(said);
    }
  }

  /** A configuration with what was learnt under it: MBeans, their values' nodes, rule outcomes. */
  private final class State implements ValueWalk.Sink {
    final JmxExporterConfig config;
    final RuleChain chain;
    final Map<ObjectName, Bean> beans = new HashMap<>();

    /** The last walk's families, whose snapshots the next reuses where nothing changed. */
    Map<String, Families.Made> lastFamilies = Map.of();

    Families families;
    ScrapeCounts counts;
    Bean bean;

    State(JmxExporterConfig config) {
      this.config = config;
      this.chain = new RuleChain(config);
    }

    void scrape(Families families, ScrapeCounts counts, long now) {
      this.families = families;
      this.counts = counts;
      ValueWalk walk = new ValueWalk(this, generation);
      Set<ObjectName> names = names();
      beans.keySet().retainAll(names);
      for (ObjectName name : names) {
        bean = beans.computeIfAbsent(name, this::bean);
        JmxRulesCollector.this.reading = name;
        try {
          bean.read(server, walk, now);
        } catch (JMException e) {
          // Gone since the query, or its description unreadable: jmx_exporter skips it too.
        } catch (RuntimeException | StackOverflowError e) {
          // StackOverflowError: Java's regular expressions recurse, and a rule's may too deep.
          counts.errors++;
          once("MBean " + name + " cannot be read by the jmx_exporter rules: " + e);
        }
      }
    }

    /** jmx_exporter's set: the MBeans of each include pattern, less those of each exclude. */
    private Set<ObjectName> names() {
      Set<ObjectName> names = new HashSet<>();
      if (config.includeObjectNames().isEmpty()) {
        names.addAll(server.queryNames(null, null));
      } else {
        for (ObjectName include : config.includeObjectNames().get()) {
          names.addAll(server.queryNames(include, null));
        }
      }
      for (ObjectName exclude : config.excludeObjectNames()) {
        names.removeAll(server.queryNames(exclude, null));
      }
      return names;
    }

    private Bean bean(ObjectName name) {
      return new Bean(
          name, new HashSet<>(config.excludedAttributes().getOrDefault(name, Set.of())));
    }

    @Override
    public void value(ValueNode node, Object value) {
      Outcome outcome;
      try {
        outcome = chain.apply(node.leaf(chain.size()), value, counts);
      } catch (RuleOutcomes.RuleFailure e) {
        counts.errors++;
        once(e.getMessage());
        return;
      }
      if (!outcome.isSample()) {
        return;
      }
      if (outcome.labels == null) {
        counts.errors++;
        once(
            "the family "
                + outcome.name
                + " of the jmx_exporter rules is left out: a label name is not valid or given"
                + " twice (jmx_exporter would fail the whole scrape)");
        return;
      }
      double sample;
      if (outcome.value != null) {
        sample = outcome.value * outcome.valueFactor;
      } else if (value instanceof Number) {
        sample = ((Number) value).doubleValue() * outcome.valueFactor;
      } else if (value instanceof Boolean) {
        sample = (Boolean) value ? 1 : 0;
      } else {
        return; // a string, without a value of the rule's own
      }
      families.add(outcome, sample, value);
    }

    @Override
    public void unsupported(ValueNode node) {
      if (config.autoExcludeObjectNameAttributes()) {
        bean.exclude(node.attrName);
      }
    }
  }
}
