package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.config.options.HistogramBuckets;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.RouteRecorder;
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
 * What the agent adds to one servlet request beyond the container's own getters: finding the route
 * by context path and mapping pattern at its start, the recorder of the framework's template (if
 * any) at its end, and recording; as the servlet adapters do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ServletRecordingBenchmark {
  private int get;

  /** Spring MVC's pattern, as it gives it: a string kept with its handler, not a constant. */
  private String template;

  @Setup
  public void setUp() {
    RequestRecording.install(new RequestMetrics(HistogramBuckets.CLASSIC));
    get = RouteRecorder.method("GET");
    template = new StringBuilder("/hello/{name}").toString();
  }

  @TearDown
  public void tearDown() {
    RequestRecording.install(null);
  }

  @Benchmark
  public void recordOneServletRequest() {
    ServletRoute route = ServletRoutes.route(false, "/shop", "/items/*");
    long start = route.recorder().started(get);
    route.recorder(null).finished(get, 200, start);
  }

  @Benchmark
  public void recordOneSpringMvcRequest() {
    ServletRoute route = ServletRoutes.route(false, "", "/");
    long start = route.recorder().started(get);
    route.recorder(template).finished(get, 200, start);
  }
}
