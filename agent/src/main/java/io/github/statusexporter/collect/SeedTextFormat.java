package io.github.statusexporter.collect;

import io.github.statusexporter.exposition.ExpositionWriters;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.model.registry.PrometheusScrapeRequest;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes state sets in the Prometheus text format read exactly as the seed's Python exporter wrote
 * them ({@code app_health{app_health="healthy"} 1.0}): client_java writes {@code 1} there. Both are
 * gauges with one series per state, so only the number's spelling changes; OpenMetrics keeps its
 * {@code stateset} type and protobuf is the same either way.
 */
final class SeedTextFormat {
  private SeedTextFormat() {}

  /** True if the scrape will be written in the Prometheus text format. */
  static boolean isTextFormat(PrometheusScrapeRequest request) {
    if (!(request instanceof PrometheusHttpRequest)) {
      return false;
    }
    String accept = ((PrometheusHttpRequest) request).getHeader("Accept");
    return ExpositionWriters.defaults().isText(accept);
  }

  /** The snapshots with each state set replaced by the equivalent gauge. */
  static List<MetricSnapshot> stateSetsAsGauges(List<MetricSnapshot> snapshots) {
    List<MetricSnapshot> result = new ArrayList<>(snapshots.size());
    for (MetricSnapshot snapshot : snapshots) {
      result.add(
          snapshot instanceof StateSetSnapshot ? asGauge((StateSetSnapshot) snapshot) : snapshot);
    }
    return result;
  }

  private static GaugeSnapshot asGauge(StateSetSnapshot stateSet) {
    String name = stateSet.getMetadata().getName();
    GaugeSnapshot.Builder gauge =
        GaugeSnapshot.builder().name(name).help(stateSet.getMetadata().getHelp());
    for (StateSetDataPointSnapshot point : stateSet.getDataPoints()) {
      for (int i = 0; i < point.size(); i++) {
        gauge.dataPoint(
            GaugeDataPointSnapshot.builder()
                .labels(point.getLabels().add(name, point.getName(i)))
                .value(point.isTrue(i) ? 1.0 : 0.0)
                .build());
      }
    }
    return gauge.build();
  }
}
