package io.github.statusexporter.server;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Says a thing that can happen on every scrape at most once a minute, with how often it happened
 * since it was last said: the application's log never fills with the agent's lines.
 */
final class OncePerMinute {
  private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Consumer<String> log;
  private boolean saidBefore;
  private long lastSaid;
  private int since;

  OncePerMinute(Consumer<String> log) {
    this.log = log;
  }

  /** {@code message} if a minute has passed since the last one, else only counted. */
  void say(String message) {
    String line;
    synchronized (this) {
      since++;
      long now = System.nanoTime();
      if (saidBefore && now - lastSaid < MINUTE_NANOS) {
        return;
      }
      line = since > 1 ? message + " (" + since + " times since this was last said)" : message;
      saidBefore = true;
      lastSaid = now;
      since = 0;
    }
    log.accept(line);
  }
}
