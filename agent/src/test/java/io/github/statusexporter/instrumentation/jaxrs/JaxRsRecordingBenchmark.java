package io.github.statusexporter.instrumentation.jaxrs;

import io.github.statusexporter.config.options.HistogramBuckets;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.RouteRecorder;
import io.github.statusexporter.instrumentation.servlet.ServletRoute;
import io.github.statusexporter.instrumentation.servlet.ServletRoutes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.ResourceConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the agent adds to a JAX-RS request on Jersey beyond the servlet request's own recording: the
 * matched templates read from Jersey's routing context of a real request (its class's and method's
 * paths), their joined template looked up, and the request recorded on it, as the adapters do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JaxRsRecordingBenchmark {
  private final JerseyTemplates templates = new JerseyTemplates();
  private int get;
  private Object method;
  private ExtendedUriInfo uriInfo;

  @Setup
  public void setUp() throws Exception {
    RequestRecording.install(new RequestMetrics(HistogramBuckets.CLASSIC));
    get = RouteRecorder.method("GET");
    ApplicationHandler jersey =
        new ApplicationHandler(new ResourceConfig(Users.class).register(new KeepsRouting()));
    jersey
        .apply(
            new ContainerRequest(
                URI.create("http://localhost/api/"),
                URI.create("http://localhost/api/users/7"),
                "GET",
                null,
                new MapPropertiesDelegate(),
                null))
        .get();
  }

  @TearDown
  public void tearDown() {
    RequestRecording.install(null);
  }

  @Benchmark
  public void recordOneJerseyRequest() {
    ServletRoute route = ServletRoutes.route(false, "", "/api/*");
    long start = route.recorder().started(get);
    String template = templates.template(method, uriInfo);
    route.recorder(template).finished(get, 200, start);
  }

  /** Keeps the routing context of the request, as it is when the resource method runs. */
  private final class KeepsRouting implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      uriInfo = ((ContainerRequest) request).getUriInfo();
      method = uriInfo.getMatchedResourceMethod();
    }
  }

  @Path("/users")
  public static class Users {
    @GET
    @Path("/{id}")
    public String user() {
      return "user";
    }
  }
}
