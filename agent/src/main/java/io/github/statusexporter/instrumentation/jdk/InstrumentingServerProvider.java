package io.github.statusexporter.instrumentation.jdk;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import io.github.statusexporter.instrumentation.MeasuredServers;
import io.github.statusexporter.instrumentation.RequestRecording;
import java.io.IOException;
import java.lang.StackWalker.Option;
import java.lang.StackWalker.StackFrame;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The JDK HTTP server provider the agent puts in place of the JDK's: the JDK's own servers, wrapped
 * so that every context records its requests, when they are the application's. Those of other
 * agents and monitoring libraries, and the agent's own, are the JDK's, unwrapped.
 *
 * <p>Public, with a public constructor, for the JDK to create it from the system property {@code
 * com.sun.net.httpserver.HttpServerProvider} the agent sets on {@code premain} ({@link
 * JdkServerInstrumentation}): then nothing of it is loaded before the application's first server.
 */
public final class InstrumentingServerProvider extends HttpServerProvider {
  private static final StackWalker STACK = StackWalker.getInstance(Option.RETAIN_CLASS_REFERENCE);

  private final HttpServerProvider jdk;
  private final ServerOwners owners;
  private final Consumer<String> log;

  /**
   * Called by the JDK, once, as the first server of the JVM is created, holding the lock under
   * which it chooses its provider: the choice the JDK makes without the property (a provider the
   * application declares as a service, or its own) is the one wrapped. The property is cleared
   * first, so that asking the JDK for it does not create this class again; that nested call makes
   * the choice the JDK's own code makes without the agent (a provider the application declares that
   * fails to load fails its first server as without the agent, wrapped once more in the JDK's
   * {@code ServiceConfigurationError}).
   */
  public InstrumentingServerProvider() {
    this(
        chosenWithoutProperty(),
        ServerOwners.ofThisAgent(),
        JdkServerInstrumentation.propertyLog());
  }

  /**
   * @param log where a server left out is said, once per server
   */
  InstrumentingServerProvider(HttpServerProvider jdk, ServerOwners owners, Consumer<String> log) {
    this.jdk = jdk;
    this.owners = owners;
    this.log = log;
  }

  /**
   * Loads, on the agent's start thread beside the application's main, what the application's first
   * server and first request would otherwise load on its own threads: this provider and its
   * servers, the first {@code StackWalker} of the JVM and the streams it walks, the request's
   * filter. Initialises nothing of the JDK's server.
   */
  static void prepare() {
    STACK.walk(new CallersOwner(ServerOwners.ofThisAgent()));
    for (Class<?> type :
        new Class<?>[] {
          InstrumentedHttpServer.class,
          InstrumentedHttpsServer.class,
          RecordingFilter.class,
          CompletionStream.class,
          EarlyRequests.class,
          RequestRecording.class
        }) {
      try {
        Class.forName(type.getName(), true, type.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e); // they are this class's neighbours
      }
    }
  }

  /** The class of the provider whose servers this one wraps. */
  String wrapped() {
    return jdk.getClass().getName();
  }

  private static HttpServerProvider chosenWithoutProperty() {
    if (ProviderProperty.namesTheAgents()) {
      System.clearProperty(ProviderProperty.NAME);
    }
    return HttpServerProvider.provider();
  }

  @Override
  public HttpServer createHttpServer(InetSocketAddress address, int backlog) throws IOException {
    HttpServer server = jdk.createHttpServer(address, backlog);
    return isApplications(server) ? new InstrumentedHttpServer(server) : server;
  }

  @Override
  public HttpsServer createHttpsServer(InetSocketAddress address, int backlog) throws IOException {
    HttpsServer server = jdk.createHttpsServer(address, backlog);
    return isApplications(server) ? new InstrumentedHttpsServer(server) : server;
  }

  /** Once per server, when it is created: never on a request's path. */
  private boolean isApplications(HttpServer server) {
    if (!JdkServerInstrumentation.measuring()) {
      return false; // instrument=false, or the options were refused
    }
    Optional<String> owner;
    try {
      owner = STACK.walk(new CallersOwner(owners));
    } catch (RuntimeException e) {
      return true; // as before there was a way to tell
    }
    if (owner.isEmpty()) {
      MeasuredServers.measured(JdkServerInstrumentation.SERVER, System.getProperty("java.version"));
      return true;
    }
    if (!owner.get().equals(ServerOwners.THIS_AGENT)) {
      log.accept("not measuring " + describe(server) + ": it belongs to " + owner.get());
    }
    return false;
  }

  /**
   * The owner of the code that creates the server, from its callers' classes. Classes, not lambdas:
   * this runs on the application's thread as it creates its server, and each lambda's first use
   * bootstraps method handles there. And {@code forEach} over the frames, not {@code map} and an
   * iterator, whose spliterator bootstraps the JDK's own lambdas (~5 ms of the first walk, JDK 25):
   * walking all the frames, even a framework's hundred, costs less once per server.
   */
  private static final class CallersOwner
      implements Function<Stream<StackFrame>, Optional<String>> {
    private final ServerOwners owners;

    CallersOwner(ServerOwners owners) {
      this.owners = owners;
    }

    @Override
    public Optional<String> apply(Stream<StackFrame> frames) {
      DeclaringClasses callers = new DeclaringClasses();
      frames.forEach(callers);
      return owners.ownerOf(callers.classes);
    }
  }

  private static final class DeclaringClasses implements Consumer<StackFrame> {
    final List<Class<?>> classes = new ArrayList<>();

    @Override
    public void accept(StackFrame frame) {
      classes.add(frame.getDeclaringClass());
    }
  }

  private static String describe(HttpServer server) {
    InetSocketAddress address = server.getAddress();
    return address == null
        ? "an HTTP server not bound yet"
        : "the HTTP server on port " + address.getPort();
  }
}
