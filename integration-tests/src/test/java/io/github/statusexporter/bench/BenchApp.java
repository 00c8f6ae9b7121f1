package io.github.statusexporter.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The application a benchmark launches: the demo app ({@code demo-app.jar}), or one of the servlet
 * test apps, given as {@code servlet:path/to/tomcat11-app.jar}.
 */
record BenchApp(Path jar, boolean servlet) {
  static BenchApp of(String argument) {
    return argument.startsWith("servlet:")
        ? new BenchApp(Paths.get(argument.substring("servlet:".length())), true)
        : new BenchApp(Paths.get(argument), false);
  }

  List<String> arguments(int port) {
    return servlet ? List.of(String.valueOf(port)) : List.of("--port", String.valueOf(port));
  }

  /** The page the agent reads, which is also the page whose first 200 means "started". */
  String statusPath() {
    return servlet ? "/shop/status" : "/status";
  }

  /**
   * The pages a benchmark loads: the status page, and for the demo a request handed to a worker.
   */
  List<String> loadPaths() {
    return servlet ? List.of("/shop/hello") : List.of("/status", "/work?ms=0");
  }

  String name() {
    return jar.getFileName().toString().replace(".jar", "");
  }
}
