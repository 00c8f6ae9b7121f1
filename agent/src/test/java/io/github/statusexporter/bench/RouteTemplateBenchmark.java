package io.github.statusexporter.bench;

import io.github.statusexporter.config.mappingfile.RouteSettings;
import io.github.statusexporter.config.options.HistogramBuckets;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RouteRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What route templates add to a request on the JDK server (and to a servlet whose mapping names no
 * template): the lookup of the request's raw path among the user's templates, {@link
 * RequestMetrics#templated}, in nanoseconds. The path matches the last template tried ({@code
 * last}, the dearest match) or none ({@code none}: every template tried, then the context's route
 * is kept). Templates look like an application's: {@code /api/resource0/{id}/items/{item}} ...
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteTemplateBenchmark {
  @Param({"2", "10"})
  public int templates;

  @Param({"last", "none"})
  public String path;

  private RequestMetrics metrics;
  private String rawPath;

  @Setup
  public void setUp() {
    List<String> written = new ArrayList<>();
    for (int i = 0; i < templates; i++) {
      written.add("/api/resource" + i + "/{id}/items/{item}");
    }
    metrics =
        new RequestMetrics(
            HistogramBuckets.CLASSIC,
            new RouteSettings(List.of(), written, RouteSettings.DEFAULT_MAX_ROUTES));
    rawPath =
        path.equals("last")
            ? "/api/resource" + (templates - 1) + "/12345/items/678"
            : "/api/unknown/12345/items/678";
    RouteRecorder recorder = metrics.templated(rawPath, false);
    if ((recorder != null) != path.equals("last")) {
      throw new IllegalStateException(rawPath + " matched " + (recorder != null));
    }
  }

  @Benchmark
  public RouteRecorder templated() {
    return metrics.templated(rawPath, false);
  }
}
