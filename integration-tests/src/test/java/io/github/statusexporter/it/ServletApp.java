package io.github.statusexporter.it;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The same servlet application on each embedded container (module servlet-apps). */
enum ServletApp {
  TOMCAT_11("tomcat11"),
  JETTY_12("jetty12"),
  TOMCAT_9_JAVAX("tomcat9");

  private final String module;

  ServletApp(String module) {
    this.module = module;
  }

  Path jar() {
    return Paths.get(System.getProperty("servlet.apps"), module, "target", module + "-app.jar");
  }
}
