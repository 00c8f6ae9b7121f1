package io.github.statusexporter.instrumentation.jdk;

import com.sun.net.httpserver.spi.HttpServerProvider;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Request metrics for the JDK's {@code com.sun.net.httpserver}, with no bytecode rewriting: the JDK
 * takes its server provider from a system property, so the agent names its own, which wraps the
 * JDK's default. It catches every context however it is created (handler class or lambda, with or
 * without a handler, HTTP or HTTPS), costs nothing at start, and cannot race the application: the
 * provider is chosen when the application creates its first server.
 */
public final class JdkServerInstrumentation {
  static final String PROVIDER_PROPERTY = "com.sun.net.httpserver.HttpServerProvider";
  private static final String JDK_PROVIDER = "sun.net.httpserver.DefaultHttpServerProvider";

  private static volatile HttpServerProvider jdkProvider;

  private JdkServerInstrumentation() {}

  /**
   * Installs the provider, on {@code premain}, before the application can create a server.
   *
   * @return why not, or empty when installed
   */
  public static Optional<String> install(Instrumentation instrumentation) throws Exception {
    // The JVM's own setting, not the agent's: an application that chose a provider keeps it.
    if (System.getProperty(PROVIDER_PROPERTY) != null) {
      return Optional.of("the application sets " + PROVIDER_PROPERTY + " itself");
    }
    Optional<Module> httpServer = ModuleLayer.boot().findModule("jdk.httpserver");
    if (httpServer.isEmpty()) {
      return Optional.of("this Java runtime has no jdk.httpserver module");
    }
    // The JDK's default provider lives in a package it does not export: open it to the agent.
    instrumentation.redefineModule(
        httpServer.get(),
        Set.of(),
        Map.of("sun.net.httpserver", Set.of(JdkServerInstrumentation.class.getModule())),
        Map.of(),
        Set.of(),
        Map.of());
    jdkProvider =
        (HttpServerProvider) Class.forName(JDK_PROVIDER).getDeclaredConstructor().newInstance();
    System.setProperty(PROVIDER_PROPERTY, InstrumentingServerProvider.class.getName());
    return Optional.empty();
  }

  static HttpServerProvider jdkProvider() {
    return jdkProvider;
  }
}
