package io.github.statusexporter.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ActiveRequestsTest {
  @Test
  void readsAsTheGaugeWithCallbackItReplaced() throws IOException {
    ActiveRequests ours = new ActiveRequests();
    int get = HttpMethods.index("GET");
    int post = HttpMethods.index("POST");
    ours.of(false, get).addAndGet(2);
    ours.of(true, get).incrementAndGet();
    ours.of(true, post); // had requests, none now: 0
    GaugeWithCallback theirs =
        GaugeWithCallback.builder(PrometheusProperties.builder().build())
            .name("http_server_active_requests")
            .help("Number of HTTP server requests in flight")
            .labelNames("http_request_method", "url_scheme")
            .callback(
                callback -> {
                  callback.call(2, "GET", "http");
                  callback.call(1, "GET", "https");
                  callback.call(0, "POST", "https");
                })
            .build();

    for (ExpositionFormatWriter writer :
        new ExpositionFormatWriter[] {
          PrometheusTextFormatWriter.create(), OpenMetricsTextFormatWriter.create()
        }) {
      assertThat(write(writer, ours)).isEqualTo(write(writer, theirs));
    }
    assertThat(write(PrometheusTextFormatWriter.create(), ours))
        .contains("http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"} 2");
    assertThat(ours.getMetricFamilyDescriptor().getLabelNames())
        .isEqualTo(theirs.getMetricFamilyDescriptor().getLabelNames());
    assertThat(ours.getMetricType()).isEqualTo(theirs.getMetricType());
  }

  private static String write(ExpositionFormatWriter writer, Collector collector)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, MetricSnapshots.of(collector.collect()), EscapingScheme.ALLOW_UTF8);
    return out.toString(StandardCharsets.UTF_8);
  }
}
