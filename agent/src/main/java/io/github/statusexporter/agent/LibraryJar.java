package io.github.statusexporter.agent;

import io.github.statusexporter.config.options.AgentConfig;
import io.github.statusexporter.jar.InnerJar;
import io.github.statusexporter.jar.OptionLibraries;
import io.github.statusexporter.jar.SystemSearchJar;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * The agent's libraries (client_java and gson: ~200 class files, relocated), from the jar inside
 * the agent's jar that holds them ({@value #ENTRY}, {@link InnerJar}): only the agent's start and
 * what runs after it use them, and every JVM would otherwise index their entries before {@code
 * premain}. Once the application has started, the agent copies the jar out and adds it to the
 * search path of the class loader that loaded the agent, the system class loader, before any class
 * of the agent that names a library class is loaded ({@link Startup} and the servers' hooks): the
 * agent's classes and the libraries stay in one loader. The libraries only some options need follow
 * when needed ({@link OptionLibraries}).
 */
final class LibraryJar {
  static final String ENTRY = "META-INF/status-exporter/libraries.jar";

  private static final SystemSearchJar LIBRARIES =
      new SystemSearchJar(ENTRY, "the agent's libraries (client_java, gson; ~0.8 MB)");

  private LibraryJar() {}

  /**
   * Adds the libraries to the system class loader's search path, and the optional ones too when the
   * options name a YAML file (the mapping file, the web config file, a jmx_exporter configuration:
   * read as the agent starts, and again as they change).
   *
   * @throws IOException naming the directory and the setting that helps, when it cannot be written
   */
  static void add(Instrumentation instrumentation, Path directory, AgentConfig config)
      throws IOException {
    LIBRARIES.add(instrumentation, directory);
    OptionLibraries.install(instrumentation, directory, AgentLog.INFO);
    if (config.configFile().isPresent()
        || config.webConfigFile().isPresent()
        || config.jmxExporterFile().isPresent()) {
      OptionLibraries.add();
    }
  }
}
