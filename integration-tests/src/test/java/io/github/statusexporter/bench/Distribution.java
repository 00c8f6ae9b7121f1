package io.github.statusexporter.bench;

import io.github.statusexporter.it.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A servlet container's own distribution, as downloaded from Maven Central and started as its users
 * start it: Tomcat's with {@code bin/catalina.sh run} and its bundled applications (ROOT, docs,
 * examples, manager, host-manager), the agent in {@code CATALINA_OPTS}; Jetty's (jetty-home) with
 * {@code java -jar start.jar} in a {@code $JETTY_BASE} made with {@code --add-modules=http,
 * ee10-deploy}, serving two static web applications (ROOT and /shop). Each says in its log when it
 * has started.
 */
enum Distribution {
  // 06-Dec-2026 02:22:11.985 INFO [main] ...Catalina.start Server startup in [1510] milliseconds
  TOMCAT(
      "Tomcat's distribution, bin/catalina.sh run",
      "\"Server startup in\"",
      "Server startup in \\[?([0-9,]+)\\]? milliseconds") {
    @Override
    Path prepare(Path distribution, Path work) throws IOException {
      Path base = work.resolve("catalina-base");
      Directories.copy(distribution, base);
      return base;
    }

    @Override
    ProcessBuilder command(Path distribution, Path base, Path agent, String agentOptions, int port)
        throws IOException {
      // Free ports for the connector and the shutdown port; nothing else of server.xml changes.
      Path serverXml = base.resolve("conf/server.xml");
      String server = Files.readString(serverXml);
      String edited =
          server
              .replaceFirst("<Server port=\"[0-9-]+\"", "<Server port=\"" + Ports.free() + "\"")
              .replaceFirst(
                  "<Connector port=\"[0-9]+\" protocol=\"HTTP/1.1\"",
                  "<Connector port=\"" + port + "\" protocol=\"HTTP/1.1\"");
      if (!edited.contains("<Connector port=\"" + port + "\"")) {
        throw new IOException("no HTTP connector to set the port of in " + serverXml);
      }
      Files.writeString(serverXml, edited);
      ProcessBuilder builder =
          new ProcessBuilder(base.resolve("bin/catalina.sh").toString(), "run")
              .directory(base.toFile());
      Map<String, String> environment = builder.environment();
      environment.put("CATALINA_HOME", base.toString());
      environment.put("CATALINA_BASE", base.toString());
      environment.put("JAVA_HOME", Launch.JAVA.getParent().getParent().toString());
      environment.put("CATALINA_OPTS", agentFlag(agent, agentOptions));
      return builder;
    }
  },

  // ...:INFO :oejs.Server:main: Started oejs.Server@682b2fa{STARTING}[12.0.25,sto=0] @4461ms
  JETTY(
      "Jetty's distribution, java -jar start.jar",
      "\"Started oejs.Server@...@N ms\" (JVM uptime)",
      "Started oejs\\.Server@\\S* @([0-9]+)ms") {
    @Override
    Path prepare(Path distribution, Path work) throws IOException {
      Path base = Files.createDirectories(work.resolve("jetty-base"));
      Process addModules =
          new ProcessBuilder(
                  Launch.JAVA.toString(),
                  "-jar",
                  distribution.resolve("start.jar").toString(),
                  "--add-modules=http,ee10-deploy")
              .directory(base.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      try {
        if (!addModules.waitFor(60, TimeUnit.SECONDS) || addModules.exitValue() != 0) {
          addModules.destroyForcibly();
          throw new IOException("start.jar --add-modules=http,ee10-deploy failed in " + base);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      Path root = Files.createDirectories(base.resolve("webapps/ROOT"));
      Files.writeString(root.resolve("index.html"), "<p>root</p>\n");
      Path shop = Files.createDirectories(base.resolve("webapps/shop"));
      Files.writeString(shop.resolve("index.html"), "<p>shop</p>\n");
      return base;
    }

    @Override
    ProcessBuilder command(
        Path distribution, Path base, Path agent, String agentOptions, int port) {
      List<String> command = new ArrayList<>(List.of(Launch.JAVA.toString()));
      if (agent != null) {
        command.add(agentFlag(agent, agentOptions));
      }
      command.addAll(
          List.of("-jar", distribution.resolve("start.jar").toString(), "jetty.http.port=" + port));
      return new ProcessBuilder(command).directory(base.toFile());
    }
  };

  final String description;
  final String startedLine;
  private final Pattern started;

  Distribution(String description, String startedLine, String started) {
    this.description = description;
    this.startedLine = startedLine;
    this.started = Pattern.compile(started);
  }

  /** Makes, under {@code work}, the base the launches run in; returns it. */
  abstract Path prepare(Path distribution, Path work) throws IOException;

  /** The command of one launch, the agent's flag in it unless {@code agent} is null. */
  abstract ProcessBuilder command(
      Path distribution, Path base, Path agent, String agentOptions, int port) throws IOException;

  /** The milliseconds of the container's own line that says it has started, from its log. */
  double startedMillis(String log) {
    return Double.parseDouble(startedLine(log).group(1).replace(",", ""));
  }

  /** Where in the log that line is. */
  int startedLineAt(String log) {
    return startedLine(log).start();
  }

  private static String agentFlag(Path agent, String options) {
    if (agent == null) {
      return "";
    }
    return "-javaagent:" + agent + (options.isEmpty() ? "" : "=" + options);
  }

  private Matcher startedLine(String log) {
    Matcher matcher = started.matcher(log);
    if (!matcher.find()) {
      throw new IllegalStateException("no line matching " + started + " in the log:\n" + log);
    }
    return matcher;
  }
}
