package io.github.statusexporter.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One JVM-wide registry: each test uses server names of its own. */
class MeasuredServersTest {
  private final List<String> lines = new ArrayList<>();
  private final List<String> told = new ArrayList<>();

  @Test
  void eachServerIsSaidOnceWithTheVersionItHadFirstAndToldToWhoeverListens() {
    MeasuredServers.logTo(lines::add);
    MeasuredServers.measured("Test Server A", "1.2.3");
    MeasuredServers.measured("Test Server A", "1.2.4");
    MeasuredServers.measured("Test Server B", "");

    MeasuredServers.tell((server, version) -> told.add(server + "=" + version));
    MeasuredServers.measured("Test Server C", "7");

    assertThat(lines)
        .containsExactly(
            "measuring requests on Test Server A 1.2.3",
            "measuring requests on Test Server B",
            "measuring requests on Test Server C 7");
    assertThat(told)
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

    List<String> toldNotMeasured = new ArrayList<>();
    MeasuredServers.tellNotMeasured(toldNotMeasured::add);
    MeasuredServers.notMeasured("Test Server H", "its class loader does not see the agent's");
    MeasuredServers.notMeasured("Test Server H", "its class loader does not see the agent's");

    assertThat(toldNotMeasured)
        .containsSubsequence("Test Server G 0.1", "Test Server H")
        .containsOnlyOnce("Test Server G 0.1", "Test Server H");
  }
}
