package io.github.statusexporter.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerBuffersTest {
  private final AnswerBuffers buffers = new AnswerBuffers();

  @Test
  void anAnswerSentByEveryScrapeItAnswersLeavesItsBufferToTheNext() {
    Answer first = new Answer(buffers, 100);
    first.write(new byte[] {1, 2, 3}, 0, 3);
    first.shareAmong(2);
    byte[] written = first.buffer();

    first.sent();
    assertThat(new Answer(buffers, 100).buffer()).isNotSameAs(written); // one scrape still sends

    Answer second = new Answer(buffers, 100);
    second.shareAmong(1);
    first.sent();
    Answer third = new Answer(buffers, 100);
    assertThat(third.buffer()).isSameAs(written);
    assertThat(third.length()).isZero();
  }

  @Test
  void aBufferTooSmallForTheNextAnswerOrTooLargeToKeepIsLeft() {
    Answer small = new Answer(buffers, 10);
    small.sent();
    assertThat(new Answer(buffers, 1_000).buffer()).hasSizeGreaterThanOrEqualTo(1_000);
    assertThat(new Answer(buffers, 10).buffer()).isNotSameAs(small.buffer()); // taken, not kept

    Answer huge = new Answer(buffers, AnswerBuffers.MAX_KEPT + 1);
    huge.sent();
    assertThat(new Answer(buffers, 10).buffer()).hasSize(10);
  }

  @Test
  void aFixedAnswerHasNoBufferToGiveBack() {
    Answer fixed = Answer.of("text\n");
    fixed.sent();
    assertThat(fixed.length()).isEqualTo(5);
    assertThat(new Answer(buffers, 10).buffer()).hasSize(10);
  }
}
