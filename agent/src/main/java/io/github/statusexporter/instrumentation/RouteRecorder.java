package io.github.statusexporter.instrumentation;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Records the requests of one route. Data points are looked up once per method and status and kept,
 * so recording a request allocates nothing once its series exists.
 */
public final class RouteRecorder {
  /** Status codes 100 to 599 have their own label value; anything else has none. */
  private static final int STATUSES = 501;

  private static final String[] STATUS_LABELS = statusLabels();

  private final RequestMetrics metrics;

  /** Null for the recorder of ignored routes, whose durations are not recorded. */
  private final String route;

  private final boolean https;

  /** For the folded route: counts its requests, the sign that routes were folded; else null. */
  private final CounterDataPoint folds;

  private final AtomicReferenceArray<AtomicReferenceArray<DistributionDataPoint>> byMethod =
      new AtomicReferenceArray<>(HttpMethods.COUNT);

  RouteRecorder(RequestMetrics metrics, String route, boolean https, CounterDataPoint folds) {
    this.metrics = metrics;
    this.route = route;
    this.https = https;
    this.folds = folds;
  }

  /** The index {@link #started} and {@link #finished} take for a request method. */
  public static int method(String method) {
    return HttpMethods.index(method);
  }

  /** A request began; returns its start time for {@link #finished}. */
  public long started(int method) {
    begun(method);
    return System.nanoTime();
  }

  /** A request began, its start time taken by the caller. */
  public void begun(int method) {
    metrics.active(https, method).incrementAndGet();
  }

  /**
   * The request's response is complete. It may end on another route's recorder than the one it
   * began on (a framework names its template only once it has chosen a handler): active requests
   * are counted by scheme and method only, so any recorder of the same scheme ends it.
   *
   * @param status the status code sent, or -1 when none was
   */
  public void finished(int method, int status, long startNanos) {
    if (route != null) {
      point(method, status).observe((System.nanoTime() - startNanos) / 1e9);
    }
    // Even for an ignored route: the request may have begun on a route that is not ignored (a
    // servlet mapping, before the framework named its template), and was counted active there.
    metrics.active(https, method).decrementAndGet();
    if (folds != null) {
      folds.inc();
    }
  }

  private DistributionDataPoint point(int method, int status) {
    AtomicReferenceArray<DistributionDataPoint> byStatus = byMethod.get(method);
    if (byStatus == null) {
      byStatus = new AtomicReferenceArray<>(STATUSES);
      if (!byMethod.compareAndSet(method, null, byStatus)) {
        byStatus = byMethod.get(method);
      }
    }
    int index = status >= 100 && status <= 599 ? status - 100 : STATUSES - 1;
    DistributionDataPoint point = byStatus.get(index);
    if (point == null) {
      point =
          metrics.durations(
              HttpMethods.NAMES[method], STATUS_LABELS[index], route, https ? "https" : "http");
      byStatus.set(index, point);
    }
    return point;
  }

  private static String[] statusLabels() {
    String[] labels = new String[STATUSES];
    for (int i = 0; i < STATUSES - 1; i++) {
      labels[i] = Integer.toString(100 + i);
    }
    labels[STATUSES - 1] = ""; // no status was sent: the label is absent, as OpenTelemetry has it
    return labels;
  }
}
