package io.github.statusexporter.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartQuietTest {
  private static final long POLL = 100_000_000L;
  private static final long BUSY = 90_000_000L;
  private static final long IDLE = 10_000_000L;

  @Test
  void threeQuietPollsInARowMeanStarted() {
    StartQuiet quiet = new StartQuiet();
    assertThat(quiet.poll(1_000, 0, POLL)).isFalse(); // the first poll has nothing to compare with
    assertThat(quiet.poll(1_009, IDLE, POLL)).isFalse();
    assertThat(quiet.poll(1_009, 2 * IDLE, POLL)).isFalse();
    assertThat(quiet.poll(1_009, 3 * IDLE, POLL)).isTrue();
  }

  @Test
  void aBurstOfClassesStartsTheCountAgain() {
    StartQuiet quiet = new StartQuiet();
    quiet.poll(1_000, 0, POLL);
    quiet.poll(1_000, 0, POLL);
    assertThat(quiet.poll(1_000, 0, POLL)).isFalse();
    assertThat(quiet.poll(1_010, 0, POLL)).isFalse(); // ten new classes: still starting
    assertThat(quiet.poll(1_011, 0, POLL)).isFalse();
    assertThat(quiet.poll(1_011, 0, POLL)).isFalse();
    assertThat(quiet.poll(1_011, 0, POLL)).isTrue();
  }

  @Test
  void aStartThatComputesWithoutLoadingClassesIsNotOver() {
    StartQuiet quiet = new StartQuiet();
    for (int poll = 0; poll < 20; poll++) {
      assertThat(quiet.poll(1_000, poll * BUSY, POLL)).isFalse();
    }
  }

  @Test
  void anApplicationThatKeepsLoadingClassesHasNotStarted() {
    StartQuiet quiet = new StartQuiet();
    for (int count = 0; count < 10_000; count += 300) {
      assertThat(quiet.poll(count, 0, POLL)).isFalse();
    }
  }

  @Test
  void withoutTheProcessCpuTheClassesDecide() {
    StartQuiet quiet = new StartQuiet();
    quiet.poll(1_000, -1, POLL);
    quiet.poll(1_000, -1, POLL);
    quiet.poll(1_000, -1, POLL);
    assertThat(quiet.poll(1_000, -1, POLL)).isTrue();
  }

  @Test
  void aRestartWhileTheMainThreadStillStartsCountsThreeQuietPollsAfterIt() {
    StartQuiet quiet = new StartQuiet();
    quiet.poll(1_000, 0, POLL);
    quiet.poll(1_000, IDLE, POLL);
    quiet.restart();
    assertThat(quiet.poll(1_000, 2 * IDLE, POLL)).isFalse(); // nothing to compare with
    assertThat(quiet.poll(1_000, 3 * IDLE, POLL)).isFalse();
    assertThat(quiet.poll(1_000, 4 * IDLE, POLL)).isFalse();
    assertThat(quiet.poll(1_000, 5 * IDLE, POLL)).isTrue();
  }

  @Test
  void theProcessCpuIsReadOnLinux() {
    long first = ProcessCpu.nanos();
    assertThat(first).isGreaterThan(0); // this JVM has run the tests so far
    assertThat(ProcessCpu.nanos()).isGreaterThanOrEqualTo(first);
  }
}
