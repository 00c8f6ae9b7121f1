package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.config.HistogramBuckets;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.RouteRecorder;
import io.prometheus.metrics.config.PrometheusProperties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the agent adds to one servlet request beyond the container's own getters: finding the
 * route's recorder by context path and mapping pattern at start and at end, and recording.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ServletRecordingBenchmark {
  private int get;

  @Setup
  public void setUp() {
    RequestRecording.install(
        new RequestMetrics(PrometheusProperties.builder().build(), HistogramBuckets.CLASSIC));
    get = RouteRecorder.method("GET");
  }

  @TearDown
  public void tearDown() {
    RequestRecording.install(null);
  }

  @Benchmark
  public void recordOneServletRequest() {
    long start = ServletRoutes.route(false, "/shop", "/items/*").recorder().started(get);
    ServletRoutes.route(false, "/shop", "/items/*").recorder().finished(get, 200, start);
  }
}
