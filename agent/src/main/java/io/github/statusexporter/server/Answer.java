package io.github.statusexporter.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one rendered answer, sent as they were written: no copy into an array of the exact
 * size, which would double a scrape's garbage. Shared by the scrapes a rendering answers, and only
 * read once written.
 */
final class Answer extends ByteArrayOutputStream {
  Answer(int expectedSize) {
    super(expectedSize);
  }

  static Answer of(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Answer answer = new Answer(bytes.length);
    answer.write(bytes, 0, bytes.length);
    return answer;
  }

  /** The array written to; its first {@link #length()} bytes are the answer. */
  byte[] buffer() {
    return buf;
  }

  int length() {
    return count;
  }
}
