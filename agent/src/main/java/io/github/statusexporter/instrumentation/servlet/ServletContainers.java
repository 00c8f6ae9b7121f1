package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.weaving.Advised;
import io.github.statusexporter.instrumentation.weaving.Hook;

/** The one method of each servlet container that every request passes through once. */
public final class ServletContainers {
  /**
   * Tomcat 9 to 11: every request enters its web application at {@code StandardHostValve.invoke},
   * after mapping; error pages are rendered inside it, from {@code custom}.
   */
  public static final Hook TOMCAT =
      new Hook(
          "Tomcat",
          "org.apache.catalina.core.StandardHostValve",
          ServletHooks.class,
          new Advised(TomcatAdvice.class, "invoke", 2),
          new Advised(TomcatErrorPageAdvice.class, "custom", 3));

  /** Jetty 12 (ee10): each dispatch to a mapped servlet; error pages come after it. */
  public static final Hook JETTY_12 =
      new Hook(
          "Jetty 12",
          "org.eclipse.jetty.ee10.servlet.ServletHandler$MappedServlet",
          ServletHooks.class,
          new Advised(JettyAdvice.class, "handle", 4));

  private ServletContainers() {}
}
