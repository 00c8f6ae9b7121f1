package io.github.statusexporter.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.family.InfoFamily;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One JVM-wide registry: each test uses server names of its own. */
class MeasuredServersTest {
  private final List<String> lines = new ArrayList<>();

  @Test
  void eachServerIsSaidOnceWithTheVersionItHadFirstAndToldToWhoeverListens() {
    MeasuredServers.logTo(lines::add);
    MeasuredServers.measured("Test Server A", "1.2.3");
    MeasuredServers.measured("Test Server A", "1.2.4");
    MeasuredServers.measured("Test Server B", "");

    InfoFamily info = new InfoFamily("servers", "Servers", "server", "version");
    MeasuredServers.tell(info);
    MeasuredServers.measured("Test Server C", "7");

    assertThat(lines)
        .containsExactly(
            "measuring requests on Test Server A 1.2.3",
            "measuring requests on Test Server B",
            "measuring requests on Test Server C 7");
    assertThat(series(info, "server", "version"))
        .contains("Test Server A=1.2.3", "Test Server B=", "Test Server C=7")
        .doesNotContain("Test Server A=1.2.4");
  }

  @Test
  void aServerNotMeasuredIsSaidOnce() {
    MeasuredServers.logTo(lines::add);
    MeasuredServers.notMeasured("Test Server D 0.9", "the agent measures versions 1.x only");
    MeasuredServers.notMeasured("Test Server D 0.9", "the agent measures versions 1.x only");

    assertThat(lines)
        .containsExactly(
            "no request metrics for Test Server D 0.9: the agent measures versions 1.x only");
  }

  @Test
  void theServersNotMeasuredAreToldOnceToWhoeverListensAlsoThoseBefore() {
    MeasuredServers.logTo(lines::add);
    MeasuredServers.notMeasured("Test Server G 0.1", "the agent measures versions 1.x only");

    InfoFamily info = new InfoFamily("not_measured", "Servers not measured", "server");
    MeasuredServers.tellNotMeasured(info);
    MeasuredServers.notMeasured("Test Server H", "its class loader does not see the agent's");
    MeasuredServers.notMeasured("Test Server H", "its class loader does not see the agent's");

    assertThat(series(info, "server")).containsOnlyOnce("Test Server G 0.1", "Test Server H");
  }

  /** Each series' label values, joined by {@code =}. */
  private static List<String> series(InfoFamily info, String... labelNames) {
    List<String> series = new ArrayList<>();
    for (InfoSnapshot.InfoDataPointSnapshot point : info.collect().getDataPoints()) {
      List<String> values = new ArrayList<>();
      for (String name : labelNames) {
        values.add(point.getLabels().get(name));
      }
      series.add(String.join("=", values));
    }
    return series;
  }
}
