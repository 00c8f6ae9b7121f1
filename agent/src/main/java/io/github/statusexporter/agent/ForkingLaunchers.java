package io.github.statusexporter.agent;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Optional;

/**
 * Launchers that can run the real server in a JVM of their own, as Jetty's {@code start.jar} does
 * with {@code --exec}: an agent on the launcher's command line then measures only the launcher,
 * which it says once, with where the flag belongs.
 */
final class ForkingLaunchers {
  /** A launcher, known by its main class, and the class its server always loads. */
  private static final class Launcher {
    final String name;
    final String mainClass;
    final String serverClass;
    final String whereTheAgentBelongs;

    Launcher(String name, String mainClass, String serverClass, String whereTheAgentBelongs) {
      this.name = name;
      this.mainClass = mainClass;
      this.serverClass = serverClass;
      this.whereTheAgentBelongs = whereTheAgentBelongs;
    }
  }

  private static final List<Launcher> KNOWN =
      List.of(
          new Launcher(
              "Jetty's start.jar",
              "org.eclipse.jetty.start.Main",
              "org.eclipse.jetty.server.Server",
              "put -javaagent:... on a line of its own after --exec in an .ini file of"
                  + " $JETTY_BASE/start.d (such as jvm.ini), or drop --exec"));

  private ForkingLaunchers() {}

  /**
   * The line to say if this JVM is a launcher that runs its server in another JVM: its main class
   * is loaded, its server's is not, and it has a child process.
   */
  static Optional<String> misplacedAgent(Instrumentation instrumentation) {
    // A launcher's main class is the system class loader's, whose classes are usually far fewer
    // than the JVM's thousands, each of whose names would be made here as a string (~0.2 MB of
    // garbage on jwebserver).
    Class<?>[] systemLoaders =
        instrumentation.getInitiatedClasses(ClassLoader.getSystemClassLoader());
    for (Launcher launcher : KNOWN) {
      // The child processes last: asking for them loads the JDK's process classes and a stream's
      // lambdas (~0.5 MB of garbage on JDK 25) in every application, when no launcher is loaded.
      if (isLoaded(systemLoaders, launcher.mainClass)
          && !isLoaded(instrumentation.getAllLoadedClasses(), launcher.serverClass)
          && ProcessHandle.current().children().findAny().isPresent()) {
        return Optional.of(
            "this JVM is "
                + launcher.name
                + ", which runs the server in another JVM: the agent here measures only the"
                + " launcher; to measure the server, "
                + launcher.whereTheAgentBelongs);
      }
    }
    return Optional.empty();
  }

  private static boolean isLoaded(Class<?>[] loaded, String name) {
    for (Class<?> type : loaded) {
      if (type.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
