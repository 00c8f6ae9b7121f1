package io.github.statusexporter.instrumentation;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
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
final class ActiveRequests {
  private static final String NAME = "http_server_active_requests";

  /** Counters by scheme (http, https) and method, made at a series' first request. */
  private final AtomicReferenceArray<AtomicLong> counts =
      new AtomicReferenceArray<>(2 * HttpMethods.COUNT);

  private final GaugeWithCallback gauge;

  ActiveRequests(PrometheusProperties properties) {
    gauge =
        GaugeWithCallback.builder(properties)
            .name(NAME)
            .help("Number of HTTP server requests in flight")
            .labelNames("http_request_method", "url_scheme")
            .callback(this::report)
            .build();
  }

  void register(PrometheusRegistry registry) {
    registry.register(gauge);
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

  /** Every series that has had a request, as the {@code Gauge} showed its data points. */
  private void report(GaugeWithCallback.Callback callback) {
    for (int index = 0; index < counts.length(); index++) {
      AtomicLong count = counts.get(index);
      if (count != null) {
        callback.call(
            count.get(),
            HttpMethods.NAMES[index % HttpMethods.COUNT],
            index < HttpMethods.COUNT ? "http" : "https");
      }
    }
  }
}
