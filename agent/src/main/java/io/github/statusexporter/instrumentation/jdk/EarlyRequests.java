package io.github.statusexporter.instrumentation.jdk;

import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RouteRecorder;
import java.util.Arrays;

/**
 * Requests the application's JDK servers answered before the agent's start made the request
 * metrics: kept, at most {@value #MAX}, and recorded once the metrics exist. The agent starts only
 * once the application has answered a request successfully, so that its own start (client_java, the
 * metrics server) does not compete with the application's first requests; those requests are still
 * counted. Plain arrays and no class of client_java: this is on the application's first requests.
 *
 * <p>Their duration ends when the handler returns, not when the response's body is complete: on the
 * JDK server both come together, unless the handler hands the exchange to another thread. Those
 * whose handler returns before a status was sent are not kept (they would have no status label),
 * nor any beyond {@value #MAX}: {@link #record} says how many.
 */
final class EarlyRequests {
  static final int MAX = 4096;

  /**
   * Room made at the first request kept, doubled when full up to {@link #MAX}: most applications
   * answer a handful of requests before the agent's start, and the arrays for all of them (~100 KB)
   * would be made on the application's first request.
   */
  private static final int FIRST_ROOM = 64;

  private static final Object LOCK = new Object();

  // Guarded by LOCK; the arrays get room at the first request kept, more when full, and are let go
  // once recorded.
  private static RecordingFilter[] filters;
  private static String[] paths;
  private static String[] methods;
  private static int[] statuses;
  private static long[] durations;
  private static int count;
  private static int dropped;
  private static boolean recorded;

  static {
    forget();
  }

  private EarlyRequests() {}

  /**
   * Keeps an answered request for {@link #record}.
   *
   * @param status the status sent, or -1 when the handler returned before sending one
   * @return false when the metrics were made meanwhile: the caller records the request itself
   */
  static boolean keep(
      RecordingFilter filter, String rawPath, String method, int status, long durationNanos) {
    synchronized (LOCK) {
      if (recorded) {
        return false;
      }
      if (status < 0 || count == MAX) {
        dropped++;
        return true;
      }
      if (count == filters.length) {
        makeRoom();
      }
      filters[count] = filter;
      paths[count] = rawPath;
      methods[count] = method;
      statuses[count] = status;
      durations[count] = durationNanos;
      count++;
      return true;
    }
  }

  /**
   * Records the requests kept into {@code metrics}, once; from then on {@link #keep} refuses.
   *
   * @return how many were answered before and are not recorded
   */
  static int record(RequestMetrics metrics) {
    synchronized (LOCK) {
      if (recorded) {
        return 0;
      }
      recorded = true;
      for (int i = 0; i < count; i++) {
        try {
          RouteRecorder recorder = filters[i].recorderFor(metrics, paths[i]);
          int method = RouteRecorder.method(methods[i]);
          recorder.begun(method);
          recorder.finished(method, statuses[i], System.nanoTime() - durations[i]);
        } catch (RuntimeException e) {
          dropped++; // a route the metrics refuse: as it would have been at the time
        }
      }
      forget();
      return dropped;
    }
  }

  /** Doubles the arrays' room (makes it at the first request); the caller holds the lock. */
  private static void makeRoom() {
    int room = Math.max(FIRST_ROOM, Math.min(MAX, filters.length * 2));
    filters = Arrays.copyOf(filters, room);
    paths = Arrays.copyOf(paths, room);
    methods = Arrays.copyOf(methods, room);
    statuses = Arrays.copyOf(statuses, room);
    durations = Arrays.copyOf(durations, room);
  }

  /** Lets the kept requests go (no room); the caller holds the lock. */
  private static void forget() {
    filters = new RecordingFilter[0];
    paths = new String[0];
    methods = new String[0];
    statuses = new int[0];
    durations = new long[0];
    count = 0;
  }

  /** For tests: as at the JVM's start. */
  static void reset() {
    synchronized (LOCK) {
      forget();
      dropped = 0;
      recorded = false;
    }
  }
}
