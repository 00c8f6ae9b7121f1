package io.github.statusexporter.agent;

import io.github.statusexporter.config.options.AgentConfig;
import io.github.statusexporter.jar.InnerJar;
import io.github.statusexporter.jar.OptionLibraries;
import io.github.statusexporter.jar.SystemSearchJar;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * What the agent runs once the application has started, from the jar inside the agent's jar that
 * holds it ({@value #ENTRY}, {@link InnerJar}): most of the agent's own classes (~300: its server,
 * collectors, mapping, sources, the servers' hooks) and its libraries (client_java and gson: ~200
 * class files, relocated). The JVM reads every entry of the agent's jar before {@code premain}, ~6
 * µs each on the application's main thread (measured on JDK 25); the agent's jar keeps only the
 * classes that run before the start (agent/pom.xml, {@code start.classes}; AgentJarIT checks that
 * they name no others but where they load them only after this jar is added).
 *
 * <p>Once the application has started, the agent copies the jar out and adds it to the search path
 * of the class loader that loaded the agent, the system class loader, before any class in it is
 * loaded ({@link Startup} and the servers' hooks): the agent's classes and the libraries stay in
 * one loader and one runtime package each. The libraries only some options need follow when needed
 * ({@link OptionLibraries}).
 */
final class AfterStartJar {
  static final String ENTRY = "META-INF/status-exporter/after-start.jar";

  private static final SystemSearchJar AFTER_START =
      new SystemSearchJar(
          ENTRY, "the agent's classes that run once the application has started (~1.7 MB)");

  private AfterStartJar() {}

  /**
   * Adds it to the system class loader's search path, and the optional libraries too when the
   * options name a YAML file (the mapping file, the web config file, a jmx_exporter configuration:
   * read as the agent starts, and again as they change).
   *
   * @throws IOException naming the directory and the setting that helps, when it cannot be written
   */
  static void add(Instrumentation instrumentation, Path directory, AgentConfig config)
      throws IOException {
    AFTER_START.add(instrumentation, directory);
    OptionLibraries.install(instrumentation, directory, AgentLog.INFO);
    if (config.configFile().isPresent()
        || config.webConfigFile().isPresent()
        || config.jmxExporterFile().isPresent()) {
      OptionLibraries.add();
    }
  }
}
