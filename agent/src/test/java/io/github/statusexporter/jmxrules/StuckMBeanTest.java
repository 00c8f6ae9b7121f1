package io.github.statusexporter.jmxrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.statusexporter.config.jmxexporter.JmxExporterConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

/**
 * An MBean getter of the application that never returns, or a rule that never ends: jmx_exporter
 * 1.0.1 then hangs that scrape and every one after it. Here a scrape waits at most the deadline,
 * answers without the rules' families with {@code jmx_scrape_error} 1, names the MBean once, and
 * the scrapes after it do not wait for it again nor start a second walk; once the getter returns,
 * the families are back.
 */
class StuckMBeanTest {
  private static final Duration DEADLINE = Duration.ofSeconds(2);
  private static final Duration NEVER_HANGS = Duration.ofSeconds(20);

  public interface StuckMBean {
    int getValue();
  }

  /** Its getter waits until the test lets it go; it counts the threads that called it. */
  public static final class Stuck implements StuckMBean {
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> callers = new CopyOnWriteArrayList<>();

    @Override
    public int getValue() {
      callers.add(Thread.currentThread().getName());
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 7;
    }
  }

  @Test
  void aGetterThatDoesNotReturnLeavesTheFamiliesOutAndHoldsNoScrapeBeyondTheDeadline()
      throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ExampleBeans.register(server, "app:type=Fine", new ExampleBeans.Bool());
    List<String> lines = new CopyOnWriteArrayList<>();
    JmxRulesCollector collector =
        new JmxRulesCollector(
            server, JmxExporterConfig.parse("rules:\n- pattern: '.*'\n"), lines::add, DEADLINE);
    // A first walk loads what every walk uses, so that the deadline is the getter's alone.
    assertThat(Scrapes.text(collector.collect())).contains("jmx_scrape_error 0.0");
    Stuck stuck = new Stuck();
    ExampleBeans.register(server, "app:type=Stuck", stuck);

    for (int scrape = 0; scrape < 3; scrape++) {
      String text = assertTimeoutPreemptively(NEVER_HANGS, () -> Scrapes.text(collector.collect()));
      assertThat(text).contains("jmx_scrape_error 1.0").doesNotContain("app_");
    }
    assertThat(stuck.callers).containsExactly("status-exporter-jmx");
    assertThat(lines)
        .containsExactly(
            "MBean app:type=Stuck has not answered within 2000 ms: scrapes go on without the"
                + " jmx_exporter rules' families until it does (jmx_scrape_error 1); a thread dump"
                + " shows where it waits (thread status-exporter-jmx)");

    stuck.release.countDown();
    String text = awaitFamilies(collector);
    assertThat(text).contains("app_Stuck_Value 7.0", "app_Fine_True 1.0", "jmx_scrape_error 0.0");
    assertThat(lines).hasSize(1);
  }

  /**
   * The obvious remedy, excluding the stuck MBean, works without a restart: the reloaded rules walk
   * on a new thread, the stuck one is left alone.
   */
  @Test
  void reloadedRulesThatExcludeTheStuckMBeanServeAtOnce() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ExampleBeans.register(server, "app:type=Fine", new ExampleBeans.Bool());
    Stuck stuck = new Stuck();
    ExampleBeans.register(server, "app:type=Stuck", stuck);
    List<String> lines = new CopyOnWriteArrayList<>();
    JmxRulesCollector collector =
        new JmxRulesCollector(
            server, JmxExporterConfig.parse("rules:\n- pattern: '.*'\n"), lines::add, DEADLINE);
    try {
      assertThat(assertTimeoutPreemptively(NEVER_HANGS, () -> Scrapes.text(collector.collect())))
          .contains("jmx_scrape_error 1.0");

      collector.reload(
          JmxExporterConfig.parse(
              "excludeObjectNames: ['app:type=Stuck']\nrules:\n- pattern: '.*'\n"));
      String text = assertTimeoutPreemptively(NEVER_HANGS, () -> Scrapes.text(collector.collect()));

      assertThat(text).contains("app_Fine_True 1.0", "jmx_scrape_error 0.0");
      assertThat(lines)
          .contains(
              "the jmx_exporter rules' walk is still stuck on MBean app:type=Stuck: it is left on"
                  + " its thread, and the reloaded rules walk on a new one");
    } finally {
      stuck.release.countDown();
    }
  }

  public interface SlowMBean {
    int getValue();
  }

  /** A getter slower than the deadline, every time. */
  public static final class Slow implements SlowMBean {
    @Override
    public int getValue() {
      try {
        Thread.sleep(DEADLINE.toMillis() * 3 / 2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 3;
    }
  }

  /**
   * A walk always slower than the deadline: the scrape that waits for it answers without the
   * families, and the next one has that walk's, so every other scrape has them.
   */
  @Test
  void aWalkSlowerThanTheDeadlineAnswersTheNextScrape() throws Exception {
    MBeanServer server = MBeanServerFactory.newMBeanServer();
    ExampleBeans.register(server, "app:type=Slow", new Slow());
    JmxRulesCollector collector =
        new JmxRulesCollector(
            server, JmxExporterConfig.parse("rules:\n- pattern: '.*'\n"), line -> {}, DEADLINE);

    assertThat(Scrapes.text(collector.collect())).contains("jmx_scrape_error 1.0");
    // Were each scrape to start a walk of its own, none would ever end within the deadline.
    String served = null;
    for (int scrape = 0; scrape < 6 && served == null; scrape++) {
      Thread.sleep(DEADLINE.toMillis() / 2);
      String text = Scrapes.text(collector.collect());
      served = text.contains("jmx_scrape_error 0.0") ? text : null;
    }
    assertThat(served).contains("app_Slow_Value 3.0");
  }

  /** The walk under way when the getter returned ends on its own; the next scrape has it all. */
  private static String awaitFamilies(JmxRulesCollector collector) {
    return assertTimeoutPreemptively(
        NEVER_HANGS,
        () -> {
          while (true) {
            String text = Scrapes.text(collector.collect());
            if (text.contains("jmx_scrape_error 0.0")) {
              return text;
            }
            Thread.sleep(50);
          }
        });
  }
}
