package io.github.statusexporter.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The application a benchmark launches: the demo app ({@code demo-app.jar}), one of the servlet
 * test apps, given as {@code servlet:path/to/tomcat11-app.jar}, a Spring Boot fat jar, given as
 * {@code spring-boot:path/to/spring-boot3-app.jar} and launched as its users launch it, {@code java
 * -jar app.jar --server.port=N}, or an application of a server's own handlers and no framework,
 * given with its one page as {@code handlers:path/to/undertow-app.jar#/items/x} ({@code java -jar
 * app.jar PORT}): that page is its status page and its load; or the JDK's own {@code jwebserver}
 * (module {@code jdk.httpserver}, JDK 18 and later), an application we did not write, given with
 * its JDK as {@code jwebserver:/usr/lib/jvm/temurin-25-jdk-amd64}.
 *
 * <p>jwebserver is launched as {@code JDK/bin/java [flags] -m jdk.httpserver -b 127.0.0.1 -p PORT
 * -d DIR}, the form JEP 408 gives beside the {@code jwebserver} launcher and the same program: the
 * agent and JVM flags then go on the command line as for every other application here (the launcher
 * would need each prefixed with {@code -J}). It serves a directory holding one file, {@code
 * status}, a JSON document with the keys of the agent's default mapping: its status page.
 *
 * @param jar the application's jar; for jwebserver the directory it serves
 * @param page the page of a {@code handlers:} application; null for the others
 * @param java the {@code java} that runs the application: the benchmark's own, or jwebserver's
 *     JDK's
 */
record BenchApp(Path jar, Kind kind, String page, Path java) {
  enum Kind {
    DEMO,
    SERVLET,
    SPRING_BOOT,
    HANDLERS,
    JWEBSERVER
  }

  /** The benchmark's own JDK, which runs every application but jwebserver. */
  static final Path OWN_JAVA = Paths.get(System.getProperty("java.home"), "bin", "java");

  /** jwebserver's status page: the demo's keys, so that the agent's default mapping reads all. */
  private static final String STATUS_DOCUMENT =
      "{\"current_requests\": 0, \"pending_requests\": 0, \"total_uptime\": 1.5,"
          + " \"health\": \"healthy\"}";

  BenchApp(Path jar, Kind kind, String page) {
    this(jar, kind, page, OWN_JAVA);
  }

  static BenchApp of(String argument) {
    if (argument.startsWith("servlet:")) {
      return new BenchApp(Paths.get(argument.substring("servlet:".length())), Kind.SERVLET, null);
    }
    if (argument.startsWith("spring-boot:")) {
      return new BenchApp(
          Paths.get(argument.substring("spring-boot:".length())), Kind.SPRING_BOOT, null);
    }
    if (argument.startsWith("handlers:")) {
      String[] jarAndPage = argument.substring("handlers:".length()).split("#", 2);
      if (jarAndPage.length != 2 || !jarAndPage[1].startsWith("/")) {
        throw new IllegalArgumentException(
            "handlers: needs the application's page: handlers:path/to/app.jar#/page, not "
                + argument);
      }
      return new BenchApp(Paths.get(jarAndPage[0]), Kind.HANDLERS, jarAndPage[1]);
    }
    if (argument.startsWith("jwebserver:")) {
      Path java = Paths.get(argument.substring("jwebserver:".length()), "bin", "java");
      if (!Files.isExecutable(java)) {
        throw new IllegalArgumentException(
            "jwebserver: needs a JDK 18 or later: jwebserver:/path/to/jdk, not " + argument);
      }
      return new BenchApp(servedDirectory(), Kind.JWEBSERVER, null, java);
    }
    return new BenchApp(Paths.get(argument), Kind.DEMO, null);
  }

  private static Path servedDirectory() {
    try {
      Path directory = Files.createTempDirectory("jwebserver");
      Files.writeString(directory.resolve("status"), STATUS_DOCUMENT);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What follows the JVM's flags on the command line: the main class or jar and its arguments. */
  List<String> command(int port) {
    List<String> command = new ArrayList<>();
    if (kind == Kind.JWEBSERVER) {
      command.addAll(List.of("-m", "jdk.httpserver", "-b", "127.0.0.1"));
      command.addAll(List.of("-p", String.valueOf(port), "-d", jar.toString()));
      return command;
    }
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(
        switch (kind) {
          case DEMO -> List.of("--port", String.valueOf(port));
          case SERVLET, HANDLERS -> List.of(String.valueOf(port));
          case SPRING_BOOT -> List.of("--server.port=" + port);
          case JWEBSERVER -> throw new AssertionError(kind);
        });
    return command;
  }

  /** The page the agent reads (its {@code source=}). */
  String statusPath() {
    return switch (kind) {
      case DEMO, JWEBSERVER -> "/status";
      case SERVLET -> "/shop/status";
      case SPRING_BOOT -> "/actuator/health";
      case HANDLERS -> page;
    };
  }

  /**
   * The page whose first 200 means "started": the status page, and for Spring Boot a request to a
   * controller, which answers only once the whole context (Spring MVC included) is up.
   */
  String readyPath() {
    return kind == Kind.SPRING_BOOT ? "/hello/x" : statusPath();
  }

  /**
   * The pages a benchmark loads: the status page, and for the demo a request handed to a worker.
   */
  List<String> loadPaths() {
    return switch (kind) {
      case DEMO -> List.of("/status", "/work?ms=0");
      case JWEBSERVER -> List.of("/status");
      case SERVLET -> List.of("/shop/hello");
      case SPRING_BOOT -> List.of("/hello/x");
      case HANDLERS -> List.of(page);
    };
  }

  String name() {
    if (kind == Kind.JWEBSERVER) {
      return "jwebserver (JDK " + java.getParent().getParent().getFileName() + ")";
    }
    return jar.getFileName().toString().replace(".jar", "");
  }
}
