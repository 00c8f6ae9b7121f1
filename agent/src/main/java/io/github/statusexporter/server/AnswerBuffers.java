package io.github.statusexporter.server;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The buffer of the last answer once every scrape it answered has sent it, kept for the next
 * answer: a scrape's largest piece of garbage is otherwise its body (a quarter of a MB for Tomcat's
 * MBeans with jmx_exporter's catch-all rules). One buffer at most, and none larger than {@link
 * #MAX_KEPT}, so what is kept is bounded whatever the registry holds.
 */
final class AnswerBuffers {
  static final int MAX_KEPT = 8 * 1024 * 1024;

  private final AtomicReference<byte[]> spare = new AtomicReference<>();

  /** A buffer of at least {@code size} bytes: the spare one if it is large enough. */
  byte[] take(int size) {
    byte[] kept = spare.getAndSet(null);
    return kept != null && kept.length >= size ? kept : new byte[size];
  }

  /** Keeps {@code buffer} for the next answer; no one may read or write it any more. */
  void giveBack(byte[] buffer) {
    if (buffer.length <= MAX_KEPT) {
      spare.set(buffer);
    }
  }
}
