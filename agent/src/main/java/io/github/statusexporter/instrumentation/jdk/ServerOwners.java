package io.github.statusexporter.instrumentation.jdk;

import io.github.statusexporter.jar.SystemSearchJar;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
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
  /** What {@link #ownerOf} says of this agent's own metrics server. */
  static final String THIS_AGENT = "status-exporter itself";

  /**
   * Monitoring libraries that serve metrics on a JDK server, by class name, also when shaded. The
   * names are written with {@code #} for dots: the agent's shaded jar relocates client_java, and
   * the shade plugin would rewrite a literal that names it into the agent's private copy.
   */
  private static final String[][] LIBRARIES = {
    {"io#prometheus#metrics#exporter#httpserver#HTTPServer", "Prometheus client_java's HTTPServer"},
    {"io#prometheus#client#exporter#HTTPServer", "Prometheus simpleclient's HTTPServer"},
    {
      "io#opentelemetry#exporter#prometheus#PrometheusHttpServer",
      "OpenTelemetry's Prometheus exporter"
    },
  };

  /** The library names as they are matched: {@code .} + class name. */
  private static final String[] LIBRARY_CLASSES = new String[LIBRARIES.length];

  static {
    for (int i = 0; i < LIBRARIES.length; i++) {
      LIBRARY_CLASSES[i] = "." + LIBRARIES[i][0].replace('#', '.');
    }
  }

  private final Optional<Path> ownJar;
  private final Predicate<Path> isAgentJar;

  private static volatile ServerOwners ofThisAgent;

  /**
   * This agent's: its own jar, and other agents' told by their manifests ({@link AgentJars}). Made
   * once, possibly beside the application's start ({@link InstrumentingServerProvider#prepare}).
   */
  static ServerOwners ofThisAgent() {
    ServerOwners owners = ofThisAgent;
    if (owners == null) {
      owners = new ServerOwners(CodeLocations.of(ServerOwners.class), new AgentJar());
      ofThisAgent = owners;
    }
    return owners;
  }

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
  Optional<String> ownerOf(List<Class<?>> callers) {
    for (Class<?> caller : callers) {
      if (!isJdkOrProvider(caller)) {
        return ownerOf(caller);
      }
    }
    return Optional.empty();
  }

  /**
   * @param handlers the classes of a running server's handlers
   * @return what the server belongs to when it is not the application's, told by the first handler
   *     that is another party's
   */
  Optional<String> ownerOfHandlers(Stream<Class<?>> handlers) {
    Iterator<Class<?>> classes = handlers.iterator();
    while (classes.hasNext()) {
      Optional<String> owner = ownerOf(classes.next());
      if (owner.isPresent()) {
        return owner;
      }
    }
    return Optional.empty();
  }

  private Optional<String> ownerOf(Class<?> caller) {
    Optional<Path> location = CodeLocations.of(caller);
    if (location.isPresent()) {
      // The jar of the classes the agent runs once the application has started, or its own jar.
      // In this order, so that the walk that prepares the provider loads SystemSearchJar, not the
      // application's first server.
      if (SystemSearchJar.isAdded(location.get()) || location.equals(ownJar)) {
        return Optional.of(THIS_AGENT);
      }
      if (isAgentJar.test(location.get())) {
        return Optional.of("the agent " + location.get().getFileName());
      }
    }
    // The server's builder, or another class nested in it, may be the one that creates it.
    String outer = caller.getName();
    int nested = outer.indexOf('$');
    if (nested > 0) {
      outer = outer.substring(0, nested);
    }
    // A library's handlers are its server's neighbours: the same package.
    String packagePrefix = "." + caller.getPackageName() + ".";
    for (int i = 0; i < LIBRARIES.length; i++) {
      if (("." + outer).endsWith(LIBRARY_CLASSES[i])
          || (packagePrefix + simpleName(LIBRARY_CLASSES[i])).endsWith(LIBRARY_CLASSES[i])) {
        return Optional.of(LIBRARIES[i][1] + " (" + outer + ")");
      }
    }
    return Optional.empty();
  }

  /** A class rather than a method reference, which premain would bootstrap. */
  private static final class AgentJar implements Predicate<Path> {
    @Override
    public boolean test(Path path) {
      return AgentJars.isAgent(path);
    }
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static boolean isJdkOrProvider(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader == null
        || loader == ClassLoader.getPlatformClassLoader()
        || type.getName().startsWith("jdk.internal.reflect.")
        || type == InstrumentingServerProvider.class;
  }
}
