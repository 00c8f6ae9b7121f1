package io.github.statusexporter.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentStateTest {
  @AfterEach
  void forget() {
    for (String name :
        new String[] {
          AgentState.STATE,
          AgentState.URL,
          AgentState.OPTIONS,
          AgentState.FAILURE,
          AgentState.VERSION,
          AgentState.PID,
          AgentState.OPTIONS_PENDING
        }) {
      System.clearProperty(name);
    }
  }

  @Test
  void aSecondAgentInTheSameJvmDoesNotStart() throws Exception {
    assertThat(claim("port=9100,source=http://u:secret@x/s", "1.0")).isTrue();
    AgentState.serving("http://localhost:9100/metrics");

    assertThat(claim("port=9200", "1.0")).isFalse();
    assertThat(AgentState.alreadyLoaded())
        .isEqualTo(
            "already loaded in this JVM (serving http://localhost:9100/metrics, options"
                + " 'port=9100,source=http://***@x/s'); a second one is not started. To change its"
                + " options, restart the application with them");
  }

  @Test
  void afterRefusedOptionsAnotherAttachMayStartOne() throws Exception {
    assertThat(claim("port", "1.0")).isTrue();
    AgentState.refused("agent argument 'port' is not of the form key=value");

    assertThat(AgentState.claim("1.0")).isEqualTo(AgentState.CLAIMED_AFTER_REFUSAL);
    assertThat(System.getProperty(AgentState.STATE)).isEqualTo(AgentState.STARTING);
    assertThat(System.getProperty(AgentState.FAILURE)).isNull();
  }

  @Test
  void aSecondAgentWaitsForTheFirstOnesOptionsAndStartsWhenTheyAreRefused() throws Exception {
    assertThat(claim("port=abc", "1.0")).isTrue();
    Thread first = new Thread(() -> afterMillis(200, () -> AgentState.refused("port: 'abc'")));
    first.start();

    long start = System.nanoTime();
    assertThat(claim("port=9100", "1.0")).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThan(150_000_000L);
    assertThat(System.getProperty(AgentState.OPTIONS)).isEqualTo("port=9100");
    first.join();
  }

  @Test
  void aSecondAgentWaitsForTheFirstOnesOptionsAndDoesNotStartWhenTheyAreRead() throws Exception {
    assertThat(claim("port=9100", "1.0")).isTrue();
    Thread first = new Thread(() -> afterMillis(200, AgentState::optionsRead));
    first.start();

    long start = System.nanoTime();
    assertThat(claim("port=9200", "1.0")).isFalse();
    assertThat(System.nanoTime() - start).isGreaterThan(150_000_000L);
    first.join();
  }

  /** Whether the agent starts: it claimed the JVM, and then gave its options, as the agent does. */
  private static boolean claim(String arguments, String version) throws InterruptedException {
    if (AgentState.claim(version) == AgentState.ALREADY_LOADED) {
      return false;
    }
    AgentState.optionsGiven(arguments);
    return true;
  }

  private static void afterMillis(long millis, Runnable action) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      return;
    }
    action.run();
  }

  @Test
  void afterAFailureToServeNoSecondOneStarts() throws Exception {
    assertThat(claim("port=9100", "1.0")).isTrue();
    AgentState.failed("cannot listen on port 9100");

    assertThat(claim("port=9200", "1.0")).isFalse();
  }

  @Test
  void aStateHandedDownFromAnotherJvmIsNotThisOnes() throws Exception {
    // A launcher passed its own properties to this JVM as -D flags, the agent's state among them.
    System.setProperty(AgentState.STATE, AgentState.SERVING);
    System.setProperty(AgentState.URL, "http://localhost:9100/metrics");
    System.setProperty(AgentState.PID, "1");

    assertThat(claim("port=9200", "1.0")).isTrue();
    assertThat(System.getProperty(AgentState.PID))
        .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
    assertThat(System.getProperty(AgentState.URL)).isNull();
  }
}
