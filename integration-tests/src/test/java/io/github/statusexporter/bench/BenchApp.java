package io.github.statusexporter.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The application a benchmark launches: the demo app ({@code demo-app.jar}), one of the servlet
 * test apps, given as {@code servlet:path/to/tomcat11-app.jar}, a Spring Boot fat jar, given as
 * {@code spring-boot:path/to/spring-boot3-app.jar} and launched as its users launch it, {@code java
 * -jar app.jar --server.port=N}, or an application of a server's own handlers and no framework,
 * given with its one page as {@code handlers:path/to/undertow-app.jar#/items/x} ({@code java -jar
 * app.jar PORT}): that page is its status page and its load.
 *
 * @param page the page of a {@code handlers:} application; null for the others
 */
record BenchApp(Path jar, Kind kind, String page) {
  enum Kind {
    DEMO,
    SERVLET,
    SPRING_BOOT,
    HANDLERS
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
    return new BenchApp(Paths.get(argument), Kind.DEMO, null);
  }

  List<String> arguments(int port) {
    return switch (kind) {
      case DEMO -> List.of("--port", String.valueOf(port));
      case SERVLET, HANDLERS -> List.of(String.valueOf(port));
      case SPRING_BOOT -> List.of("--server.port=" + port);
    };
  }

  /** The page the agent reads (its {@code source=}). */
  String statusPath() {
    return switch (kind) {
      case DEMO -> "/status";
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
      case SERVLET -> List.of("/shop/hello");
      case SPRING_BOOT -> List.of("/hello/x");
      case HANDLERS -> List.of(page);
    };
  }

  String name() {
    return jar.getFileName().toString().replace(".jar", "");
  }
}
