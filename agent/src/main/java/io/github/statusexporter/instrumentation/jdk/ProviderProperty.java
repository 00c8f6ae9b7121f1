package io.github.statusexporter.instrumentation.jdk;

import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * The system property {@code com.sun.net.httpserver.HttpServerProvider}, which names the agent's
 * provider to the JDK before the application's first server: the JDK reads it once, as it creates
 * the JVM's first server. Setting it is all {@code premain} does about the JDK's server when the
 * JVM has none yet, and only this small class is loaded for it there: {@link
 * JdkServerInstrumentation} and the application-start watch, which loaded there before, took with
 * what they name ~5 ms of the application's start (JDK 25); they now load on the agent's options
 * thread.
 */
public final class ProviderProperty {
  static final String NAME = "com.sun.net.httpserver.HttpServerProvider";

  static final String AGENT_PROVIDER =
      "io.github.statusexporter.instrumentation.jdk.InstrumentingServerProvider";

  /**
   * The class by name: a class literal would load the class, and with it the JDK's {@code
   * HttpServerProvider}, whose being loaded tells that a server may exist.
   */
  static final String PROVIDER_SPI = "com.sun.net.httpserver.spi.HttpServerProvider";

  private ProviderProperty() {}

  /**
   * Names the agent's provider, when the JDK will read the name: the application names none of its
   * own (the agent's name, inherited from a parent JVM that passed its properties on, is taken as
   * unset) and no JDK server exists yet, so the JDK has not chosen. No lambdas: {@code premain}.
   *
   * @return whether it is named; if not, {@link JdkServerInstrumentation#install} says why, or puts
   *     the provider in place itself
   */
  public static boolean setBeforeAnyServer(Instrumentation instrumentation) {
    if (applicationsOwn() != null) {
      return false;
    }
    Optional<Module> httpServer = ModuleLayer.boot().findModule("jdk.httpserver");
    if (httpServer.isEmpty()
        || isLoaded(instrumentation, httpServer.get().getClassLoader(), PROVIDER_SPI)) {
      return false;
    }
    System.setProperty(NAME, AGENT_PROVIDER);
    return true;
  }

  /**
   * The provider the application names itself, or null: the agent's own name, inherited from a
   * parent JVM that passed its properties on, is taken as unset.
   */
  static String applicationsOwn() {
    String named = System.getProperty(NAME);
    return named == null || named.equals(AGENT_PROVIDER) ? null : named;
  }

  /** Whether the property names the agent's provider (set by it, and not read by the JDK yet). */
  static boolean namesTheAgents() {
    return AGENT_PROVIDER.equals(System.getProperty(NAME));
  }

  /**
   * Whether the module's loader (the platform loader) has loaded a class of that name, from the
   * classes it has loaded: a few dozen on {@code premain}, where the JVM's whole list (~900) took
   * ~1.5 ms and loading the class to look would load it.
   */
  private static boolean isLoaded(
      Instrumentation instrumentation, ClassLoader loader, String name) {
    for (Class<?> loaded : instrumentation.getInitiatedClasses(loader)) {
      if (loaded.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
