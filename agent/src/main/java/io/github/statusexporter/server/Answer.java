package io.github.statusexporter.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bytes of one rendered answer, sent as they were written: no copy into an array of the exact
 * size, which would double a scrape's garbage. Shared by the scrapes a rendering answers, and only
 * read once written; its buffer goes back to its {@link AnswerBuffers} once each of them has sent
 * it ({@link #sent}). A scrape that never sends it (its deadline passed while it waited) only keeps
 * the buffer from being used again.
 */
final class Answer extends ByteArrayOutputStream {
  private final AnswerBuffers buffers;
  private final AtomicInteger unsent = new AtomicInteger(1);

  /** An answer written into a buffer of {@code buffers}, given back once sent. */
  Answer(AnswerBuffers buffers, int expectedSize) {
    super(0);
    this.buf = buffers.take(expectedSize);
    this.buffers = buffers;
  }

  private Answer(byte[] bytes) {
    super(0);
    this.buf = bytes;
    this.count = bytes.length;
    this.buffers = null;
  }

  static Answer of(String text) {
    return new Answer(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The number of scrapes this answer is for; set before any of them has it. */
  void shareAmong(int scrapes) {
    unsent.set(scrapes);
  }

  /** Says that one scrape has sent this answer, or failed to: it no longer reads the bytes. */
  void sent() {
    if (unsent.decrementAndGet() == 0 && buffers != null) {
      buffers.giveBack(buf);
    }
  }

  /** The array written to; its first {@link #length()} bytes are the answer. */
  byte[] buffer() {
    return buf;
  }

  int length() {
    return count;
  }
}
