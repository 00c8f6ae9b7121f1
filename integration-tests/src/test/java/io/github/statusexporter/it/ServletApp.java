package io.github.statusexporter.it;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The same servlet application on each embedded container (module servlet-apps). Jetty 9.4 to 11
 * have an IT of their own, {@link JettyRequestMetricsIT}, with one launch each.
 */
enum ServletApp {
  TOMCAT_11("tomcat11"),
  JETTY_12("jetty12"),
  TOMCAT_9_JAVAX("tomcat9"),
  JETTY_11("jetty11"),
  JETTY_10_JAVAX("jetty10"),
  /** Servlet 3.1, whose requests cannot say which mapping served them. */
  JETTY_9_4_JAVAX("jetty9");

  private final String module;

  ServletApp(String module) {
    this.module = module;
  }

  Path jar() {
    return Paths.get(System.getProperty("servlet.apps"), module, "target", module + "-app.jar");
  }
}
