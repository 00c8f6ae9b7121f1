package io.github.statusexporter.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The application a benchmark launches: the demo app ({@code demo-app.jar}), one of the servlet
 * test apps, given as {@code servlet:path/to/tomcat11-app.jar}, or a Spring Boot fat jar, given as
 * {@code spring-boot:path/to/spring-boot3-app.jar} and launched as its users launch it, {@code java
 * -jar app.jar --server.port=N}.
 */
record BenchApp(Path jar, Kind kind) {
  enum Kind {
    DEMO,
    SERVLET,
    SPRING_BOOT
  }

  static BenchApp of(String argument) {
    if (argument.startsWith("servlet:")) {
      return new BenchApp(Paths.get(argument.substring("servlet:".length())), Kind.SERVLET);
    }
    if (argument.startsWith("spring-boot:")) {
      return new BenchApp(Paths.get(argument.substring("spring-boot:".length())), Kind.SPRING_BOOT);
    }
    return new BenchApp(Paths.get(argument), Kind.DEMO);
  }

  List<String> arguments(int port) {
    return switch (kind) {
      case DEMO -> List.of("--port", String.valueOf(port));
      case SERVLET -> List.of(String.valueOf(port));
      case SPRING_BOOT -> List.of("--server.port=" + port);
    };
  }

  /** The page the agent reads (its {@code source=}). */
  String statusPath() {
    return switch (kind) {
      case DEMO -> "/status";
      case SERVLET -> "/shop/status";
      case SPRING_BOOT -> "/actuator/health";
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
    };
  }

  String name() {
    return jar.getFileName().toString().replace(".jar", "");
  }
}
