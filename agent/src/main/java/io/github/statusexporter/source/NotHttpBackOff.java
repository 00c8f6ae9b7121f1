package io.github.statusexporter.source;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The default source, {@code http://localhost:8000/status}, is read although nobody asked for it,
 * and on many hosts that port belongs to another program: {@code catalina.sh jpda} puts Tomcat's
 * debugger there, which writes "Debugger failed to attach" into catalina.out on every read. So once
 * that source answers something other than HTTP, it is read again only after a pause that doubles
 * each time it still does, up to an hour; until then, scrapes fail its read at once with the same
 * reason. Any other outcome ends the pauses. A source the user named is read on every scrape
 * instead: the user asked for it, and wants it back as soon as it answers.
 */
public final class NotHttpBackOff implements StatusSource {
  static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
  static final Duration LONGEST_PAUSE = Duration.ofHours(1);

  /** Not {@code System::nanoTime}: the JVM would spin a class for it (~30 KB on JDK 25). */
  private static final LongSupplier SYSTEM_NANO_TIME =
      new LongSupplier() {
        @Override
        public long getAsLong() {
          return System.nanoTime();
        }
      };

  private final StatusSource source;
  private final LongSupplier nanoTime;
  private long pauseNanos; // 0 while the source answers HTTP
  private long nextReadNanos;
  private SourceException pausedBy;

  public NotHttpBackOff(StatusSource source) {
    this(source, SYSTEM_NANO_TIME);
  }

  NotHttpBackOff(StatusSource source, LongSupplier nanoTime) {
    this.source = source;
    this.nanoTime = nanoTime;
  }

  @Override
  public Reading read() throws SourceException {
    return read(new ReadAbort());
  }

  @Override
  public Reading read(ReadAbort abort) throws SourceException {
    synchronized (this) {
      if (pausedBy != null && nanoTime.getAsLong() - nextReadNanos < 0) {
        throw pausedBy;
      }
    }
    try {
      Reading reading = source.read(abort);
      endPause();
      return reading;
    } catch (SourceException e) {
      if (e.reason() != FailureReason.NOT_HTTP) {
        endPause();
        throw e;
      }
      throw pause(e);
    }
  }

  private synchronized void endPause() {
    pauseNanos = 0;
    pausedBy = null;
  }

  /** The failure the reads of the pause fail with: it says why there are no reads, once logged. */
  private synchronized SourceException pause(SourceException notHttp) {
    pauseNanos =
        pauseNanos == 0 ? FIRST_PAUSE.toNanos() : Math.min(2 * pauseNanos, LONGEST_PAUSE.toNanos());
    nextReadNanos = nanoTime.getAsLong() + pauseNanos;
    pausedBy =
        new SourceException(
            FailureReason.NOT_HTTP,
            notHttp.getMessage()
                + ": the port is not the application's status page (a debugger's, as with"
                + " catalina.sh jpda?); this default source is read again only after "
                + TimeUnit.NANOSECONDS.toMinutes(pauseNanos)
                + " min, then less and less often. Set source=none if the application has no"
                + " status page, or source=<its URL>");
    return pausedBy;
  }

  @Override
  public String describe() {
    return source.describe();
  }
}
