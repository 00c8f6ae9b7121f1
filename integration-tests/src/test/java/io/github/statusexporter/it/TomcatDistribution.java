package io.github.statusexporter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Tomcat's distribution from Maven Central, copied for one launch so that each starts from it as
 * downloaded, and started as operators start it: the flags in {@code bin/setenv.sh}, which {@code
 * bin/catalina.sh} sources (and evaluates again, quotes and all).
 */
final class TomcatDistribution {
  private TomcatDistribution() {}

  /** The version, as in {@code apache-tomcat-11.0.24}. */
  static String version() {
    String name = Paths.get(System.getProperty("tomcat.distribution")).getFileName().toString();
    return name.substring(name.lastIndexOf('-') + 1);
  }

  /**
   * A copy with its connector on {@code appPort}, no shutdown port, and {@code conf/server.xml}
   * edited further by {@code edit}.
   */
  static Path copy(int appPort, UnaryOperator<String> edit) throws IOException {
    Path distribution = Paths.get(System.getProperty("tomcat.distribution"));
    Path base = Files.createTempDirectory(distribution.getParent(), "catalina-base-");
    Directories.copy(distribution, base);
    Path serverXml = base.resolve("conf/server.xml");
    String edited =
        edit.apply(
            Files.readString(serverXml)
                .replace("<Server port=\"8005\"", "<Server port=\"-1\"")
                .replace("<Connector port=\"8080\"", "<Connector port=\"" + appPort + "\""));
    assertThat(edited)
        .as("conf/server.xml, edited")
        .contains("<Server port=\"-1\"", "<Connector port=\"" + appPort + "\"");
    Files.writeString(serverXml, edited);
    return base;
  }

  /**
   * Starts the copy at {@code base} with {@code bin/catalina.sh} and these arguments (such as
   * {@code run}, or {@code jpda run}), {@code catalinaOpts} added to CATALINA_OPTS in setenv.sh,
   * and waits until it and the agent have started.
   */
  static JavaProcess start(
      Path base, String catalinaOpts, Map<String, String> environment, String... arguments)
      throws IOException {
    JavaProcess tomcat = startWithout(base, catalinaOpts, environment, arguments);
    // The agent serves once the application has started.
    tomcat.awaitStderr(line -> line.contains(" serving http://"), Duration.ofSeconds(30));
    return tomcat;
  }

  /** As {@link #start}, but waits only for Tomcat: for a launch without the agent. */
  static JavaProcess startWithout(
      Path base, String catalinaOpts, Map<String, String> environment, String... arguments)
      throws IOException {
    Files.writeString(
        base.resolve("bin/setenv.sh"), "CATALINA_OPTS=\"$CATALINA_OPTS " + catalinaOpts + "\"\n");
    List<String> command = new ArrayList<>(List.of(base.resolve("bin/catalina.sh").toString()));
    command.addAll(List.of(arguments));
    Map<String, String> variables =
        new HashMap<>(Map.of("CATALINA_HOME", base.toString(), "CATALINA_BASE", base.toString()));
    variables.putAll(environment);
    JavaProcess tomcat = JavaProcess.script(command, base, variables);
    tomcat.awaitStderr(line -> line.contains("Server startup in"), Duration.ofSeconds(60));
    return tomcat;
  }

  static void delete(Path base) throws IOException {
    Directories.delete(base);
  }
}
