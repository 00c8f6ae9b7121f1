package io.github.statusexporter.server;

import io.github.statusexporter.family.CounterFamily;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the metrics server tells about the requests it refused and the connections it dropped, so
 * that hostile or misconfigured clients show on a dashboard rather than in the application's log.
 */
final class ServerMetrics {
  /** Why a request got an error instead of metrics. */
  enum Refused {
    /** 503: more scrapes at once than the server serves. */
    TOO_MANY_SCRAPES,
    /** 429: too many password checks waiting for their turn. */
    PASSWORD_CHECKS_BUSY,
    /** 401: no credentials or wrong ones. */
    UNAUTHORIZED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Why a connection ended before its answer was complete. */
  enum Dropped {
    /** The request head, or the TLS handshake, took longer than its deadline. */
    HEAD_TIMEOUT,
    /** Every thread was taken: the request waiting longest for its head made room. */
    EVICTED,
    /** Every thread and queue place was taken: closed at once. */
    OVERLOADED,
    /** The whole exchange took longer than its deadline (a client that does not read). */
    EXCHANGE_TIMEOUT,
    /** The client closed the connection before the answer was sent, as at a scrape timeout. */
    CLIENT_GONE;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Map<Refused, CounterFamily.Series> refused = new EnumMap<>(Refused.class);
  private final Map<Dropped, CounterFamily.Series> dropped = new EnumMap<>(Dropped.class);
  private final OncePerMinute overload;

  /**
   * @param overload where a refusal or a drop for overload is said, at most once a minute (wrong
   *     credentials and scrapers that go away are the clients' own business: counted only)
   */
  ServerMetrics(PrometheusRegistry registry, OncePerMinute overload) {
    this.overload = overload;
    CounterFamily refusedCounter =
        new CounterFamily(
            "status_exporter_scrapes_refused",
            "Requests to the metrics server answered with an error, by reason",
            "reason");
    registry.register(refusedCounter);
    for (Refused reason : Refused.values()) {
      refused.put(reason, refusedCounter.labelValues(reason.label()));
    }
    CounterFamily droppedCounter =
        new CounterFamily(
            "status_exporter_connections_dropped",
            "Connections to the metrics server that ended before their answer, by reason",
            "reason");
    registry.register(droppedCounter);
    for (Dropped reason : Dropped.values()) {
      dropped.put(reason, droppedCounter.labelValues(reason.label()));
    }
  }

  void refused(Refused reason) {
    refused.get(reason).inc();
    if (reason != Refused.UNAUTHORIZED) {
      sayOverload(reason.label());
    }
  }

  void connectionDropped(Dropped reason) {
    dropped.get(reason).inc();
    if (reason != Dropped.CLIENT_GONE) {
      sayOverload(reason.label());
    }
  }

  private void sayOverload(String reason) {
    overload.say(
        "the metrics server refused or closed requests to protect the application ("
            + reason
            + "): more, slower or more hostile clients than it serves; see"
            + " status_exporter_scrapes_refused_total and status_exporter_connections_dropped_total");
  }
}
