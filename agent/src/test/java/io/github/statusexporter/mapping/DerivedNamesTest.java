package io.github.statusexporter.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The names derived metrics get; the promtool verdicts were checked with promtool 2.42. */
class DerivedNamesTest {
  @ParameterizedTest
  @CsvSource({
    "EnqueueCount, enqueue_count",
    "DLQ, dlq",
    "HTTPPort, http_port",
    "heapMemoryUsage, heap_memory_usage",
    "a.b-c d, a_b_c_d",
    "__x__, x",
    "größe, gr_e",
    "'***', ''",
  })
  void aFieldsNameBecomesAPartOfAMetricName(String field, String part) {
    assertThat(DerivedNames.part(field)).isEqualTo(part);
  }

  @Test
  void aGaugeNeverEndsInACountersOrAHistogramsSuffix() {
    assertThat(
            List.of("a_total", "a_count", "a_sum", "a_bucket", "a_counts", "a").stream()
                .map(DerivedNames::gauge))
        .containsExactly(
            "a_total_current",
            "a_count_current",
            "a_sum_current",
            "a_bucket_current",
            "a_counts",
            "a");
  }

  @Test
  void aCounterEndsInTotalOnce() {
    assertThat(DerivedNames.counter("a_total_total")).isEqualTo("a");
    assertThat(DerivedNames.counter("a_count")).isEqualTo("a_count");
  }

  @ParameterizedTest
  @CsvSource({
    "a_time_millis, true",
    "a_consumer_count_current, true",
    "a_uptime_seconds, true",
    "a_latency_ms, false",
    "a_ms_spent, false",
    "a_size_kb, false",
    "a_uptime_minutes, false",
    "a_size_kilobytes, false",
    "a_size_bytes_minutes, true",
    "a_heap_gauge, false",
    "a_counter_total, false",
    "a_gauge_total, false",
    "a_histogram_current, false",
    "a_summary, false",
    "a_gauges, true",
  })
  void namesPromtoolWarnsAboutAreNotClean(String name, boolean clean) {
    assertThat(DerivedNames.clean(name)).isEqualTo(clean);
  }
}
