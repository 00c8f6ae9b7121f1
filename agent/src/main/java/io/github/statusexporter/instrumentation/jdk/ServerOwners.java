package io.github.statusexporter.instrumentation.jdk;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Tells whose a new JDK HTTP server is from the code that creates it: the first class on the call
 * stack that is neither the JDK's nor this provider's. Another agent's metrics endpoint
 * (jmx_exporter's, the OpenTelemetry agent's Prometheus exporter) or a monitoring library's is not
 * the application's traffic, and neither is this agent's own server.
 */
final class ServerOwners {
  /** Monitoring libraries that serve metrics on a JDK server, by class name, also when shaded. */
  private static final String[][] LIBRARIES = {
    {
      ".io.prometheus.metrics.exporter.httpserver.HTTPServer", "Prometheus client_java's HTTPServer"
    },
    {".io.prometheus.client.exporter.HTTPServer", "Prometheus simpleclient's HTTPServer"},
    {
      ".io.opentelemetry.exporter.prometheus.PrometheusHttpServer",
      "OpenTelemetry's Prometheus exporter"
    },
  };

  private final Optional<Path> ownJar;
  private final Predicate<Path> isAgentJar;

  /**
   * @param ownJar where this agent's classes come from
   * @param isAgentJar whether classes from this jar or directory are another agent's
   */
  ServerOwners(Optional<Path> ownJar, Predicate<Path> isAgentJar) {
    this.ownJar = ownJar;
    this.isAgentJar = isAgentJar;
  }

  /**
   * @param callers the classes on the creating thread's stack, innermost first
   * @return what the server belongs to when it is not the application's: this agent itself is
   *     {@link #THIS_AGENT}
   */
  Optional<String> ownerOf(Stream<Class<?>> callers) {
    Iterator<Class<?>> classes = callers.iterator();
    while (classes.hasNext()) {
      Class<?> caller = classes.next();
      if (!isJdkOrProvider(caller)) {
        return ownerOf(caller);
      }
    }
    return Optional.empty();
  }

  /** What {@link #ownerOf} says of this agent's own metrics server. */
  static final String THIS_AGENT = "status-exporter itself";

  private Optional<String> ownerOf(Class<?> caller) {
    Optional<Path> location = CodeLocations.of(caller);
    if (location.isPresent()) {
      if (location.equals(ownJar)) {
        return Optional.of(THIS_AGENT);
      }
      if (isAgentJar.test(location.get())) {
        return Optional.of("the agent " + location.get().getFileName());
      }
    }
    String name = "." + caller.getName();
    for (String[] library : LIBRARIES) {
      if (name.endsWith(library[0])) {
        return Optional.of(library[1] + " (" + caller.getName() + ")");
      }
    }
    return Optional.empty();
  }

  private static boolean isJdkOrProvider(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader == null
        || loader == ClassLoader.getPlatformClassLoader()
        || type.getName().startsWith("jdk.internal.reflect.")
        || type == InstrumentingServerProvider.class;
  }
}
