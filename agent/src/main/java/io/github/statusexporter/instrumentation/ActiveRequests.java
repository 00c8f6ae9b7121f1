package io.github.statusexporter.instrumentation;

import io.github.statusexporter.family.DescribedFamily;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code http_server_active_requests}: requests in flight by method and scheme, counted in the
 * agent's own counters and read when scraped. Not client_java's {@code Gauge}: its {@code inc} and
 * {@code dec} hand {@code AtomicLong.updateAndGet} a lambda that captures the amount, an object of
 * 24 bytes on every call wherever the JIT does not inline them into the caller (JFR showed it on a
 * Spring Boot application on Undertow). An {@code AtomicLong} per series, as the {@code Gauge}
 * kept, so the value is exact at any moment (a {@code LongAdder}'s sum, read while a request begins
 * on one thread and ends on another, could show -1).
 */
final class ActiveRequests extends DescribedFamily {
  private static final String[] LABEL_NAMES = {"http_request_method", "url_scheme"};

  /** Counters by scheme (http, https) and method, made at a series' first request. */
  private final AtomicReferenceArray<AtomicLong> counts =
      new AtomicReferenceArray<>(2 * HttpMethods.COUNT);

  ActiveRequests() {
    super(
        MetricType.GAUGE,
        metadata("http_server_active_requests", "Number of HTTP server requests in flight"),
        LABEL_NAMES);
  }

  /** The counter of one method and scheme; a series of its own from its first request on. */
  AtomicLong of(boolean https, int method) {
    int index = (https ? HttpMethods.COUNT : 0) + method;
    AtomicLong count = counts.get(index);
    if (count == null) {
      count = new AtomicLong();
      if (!counts.compareAndSet(index, null, count)) {
        count = counts.get(index);
      }
    }
    return count;
  }

  /** Every series that has had a request, as client_java's {@code GaugeWithCallback} did. */
  @Override
  public GaugeSnapshot collect() {
    List<GaugeDataPointSnapshot> points = new ArrayList<>();
    for (int index = 0; index < counts.length(); index++) {
      AtomicLong count = counts.get(index);
      if (count != null) {
        Labels labels =
            Labels.of(
                LABEL_NAMES,
                new String[] {
                  HttpMethods.NAMES[index % HttpMethods.COUNT],
                  index < HttpMethods.COUNT ? "http" : "https"
                });
        points.add(new GaugeDataPointSnapshot(count.get(), labels, null));
      }
    }
    return new GaugeSnapshot(getMetadata(), points);
  }
}
