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
  private static final Duration DEADLINE = Duration.ofMillis(500);
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
            "MBean app:type=Stuck has not answered within 500 ms: scrapes go on without the"
                + " jmx_exporter rules' families until it does (jmx_scrape_error 1); a thread dump"
                + " shows where it waits (thread status-exporter-jmx)");

    stuck.release.countDown();
    String text = awaitFamilies(collector);
    assertThat(text).contains("app_Stuck_Value 7.0", "app_Fine_True 1.0", "jmx_scrape_error 0.0");
    assertThat(lines).hasSize(1);
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
