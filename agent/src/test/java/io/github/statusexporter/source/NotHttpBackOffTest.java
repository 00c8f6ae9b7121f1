package io.github.statusexporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NotHttpBackOffTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final ScriptedSource source = new ScriptedSource();
  private final NotHttpBackOff backOff = new NotHttpBackOff(source, now::get);

  @Test
  void aPortThatIsNotHttpIsNotReadAgainUntilThePauseIsOver() throws SourceException {
    source.answers(notHttp(), notHttp(), reading());

    assertThatThrownBy(backOff::read)
        .hasMessageStartingWith("did not answer with a valid HTTP status line: the port is not")
        .hasMessageContaining("read again only after 1 min")
        .hasMessageContaining("Set source=none");
    assertThat(source.reads).isEqualTo(1);

    pass(NotHttpBackOff.FIRST_PAUSE.minusMillis(1));
    assertThatThrownBy(backOff::read).hasMessageContaining("read again only after 1 min");
    assertThatThrownBy(backOff::read).hasMessageContaining("read again only after 1 min");
    assertThat(source.reads).as("no read during the pause").isEqualTo(1);

    pass(Duration.ofMillis(1));
    assertThatThrownBy(backOff::read).hasMessageContaining("read again only after 2 min");
    assertThat(source.reads).isEqualTo(2);

    pass(Duration.ofMinutes(2));
    assertThat(backOff.read().records()).hasSize(1);
    assertThat(backOff.read().records()).as("back to a read per scrape").hasSize(1);
    assertThat(source.reads).isEqualTo(4);
  }

  @Test
  void thePausesDoubleUpToAnHour() {
    long minutes = 0;
    for (int i = 0; i < 9; i++) {
      source.answers(notHttp());
      SourceException failure = catchFailure();
      minutes = Long.parseLong(failure.getMessage().replaceAll(".*only after (\\d+) min.*", "$1"));
      pass(Duration.ofMinutes(minutes));
    }
    assertThat(minutes).isEqualTo(60);
    assertThat(source.reads).isEqualTo(9);
  }

  @Test
  void otherFailuresAreNotPausedFor() {
    for (int i = 0; i < 3; i++) {
      source.answers(new SourceException(FailureReason.CONNECTION_REFUSED, "connection refused"));
      assertThat(catchFailure().reason()).isEqualTo(FailureReason.CONNECTION_REFUSED);
    }
    assertThat(source.reads).isEqualTo(3);
  }

  private SourceException catchFailure() {
    try {
      backOff.read();
    } catch (SourceException e) {
      return e;
    }
    throw new AssertionError("the read did not fail");
  }

  private void pass(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  private static SourceException notHttp() {
    return new SourceException(
        FailureReason.NOT_HTTP, "did not answer with a valid HTTP status line");
  }

  private static Reading reading() {
    return Reading.of(Map.of("current_requests", 1.0));
  }

  /** Answers each read with the next outcome it was given; a reading once they run out. */
  private static final class ScriptedSource implements StatusSource {
    private final Deque<Object> outcomes = new ArrayDeque<>();
    int reads;

    void answers(Object... outcomes) {
      this.outcomes.addAll(List.of(outcomes));
    }

    @Override
    public Reading read() throws SourceException {
      reads++;
      Object outcome = outcomes.isEmpty() ? reading() : outcomes.poll();
      if (outcome instanceof SourceException) {
        throw (SourceException) outcome;
      }
      return (Reading) outcome;
    }

    @Override
    public String describe() {
      return "http://localhost:8000/status";
    }
  }
}
