package io.github.statusexporter.bench;

import io.github.statusexporter.config.options.HistogramBuckets;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RouteRecorder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** What the agent adds to one request: start and finish of its recording, in nanoseconds. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestRecordingBenchmark {
  @Param({"both", "classic"})
  public String histogram;

  private RouteRecorder recorder;
  private int get;

  @Setup
  public void setUp() {
    RequestMetrics metrics =
        new RequestMetrics(HistogramBuckets.valueOf(histogram.toUpperCase(java.util.Locale.ROOT)));
    recorder = metrics.route("/status", false);
    get = RouteRecorder.method("GET");
  }

  @Benchmark
  public void recordOneRequest() {
    long start = recorder.started(get);
    recorder.finished(get, 200, start);
  }
}
