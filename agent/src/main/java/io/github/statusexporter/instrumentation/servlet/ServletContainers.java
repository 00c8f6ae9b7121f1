package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.weaving.Advised;
import io.github.statusexporter.instrumentation.weaving.Hook;

/** The one method of each servlet container that every request passes through once. */
public final class ServletContainers {
  /** The advice and the class it calls are named here: see {@link Hook}. */
  private static final String PACKAGE = ServletContainers.class.getPackageName() + ".";

  /**
   * Tomcat 9 to 11: every request enters its web application at {@code StandardHostValve.invoke},
   * after mapping; error pages are rendered inside it, from {@code custom}.
   */
  public static final Hook TOMCAT =
      new Hook(
          "Tomcat",
          "org.apache.catalina.core.StandardHostValve",
          PACKAGE + "ServletHooks",
          new Advised(PACKAGE + "TomcatAdvice", "invoke", 2),
          new Advised(PACKAGE + "TomcatErrorPageAdvice", "custom", 3));

  /**
   * Tomcat 9 to 11: its connector answers a few requests itself, before any valve, when {@code
   * postParseRequest} returns false: the redirect of a context's path to its root ({@code /docs} to
   * {@code /docs/}), {@code OPTIONS *}. Every other request goes on to {@link #TOMCAT}'s method.
   */
  public static final Hook TOMCAT_CONNECTOR =
      new Hook(
          "Tomcat",
          "org.apache.catalina.connector.CoyoteAdapter",
          PACKAGE + "ServletHooks",
          new Advised(PACKAGE + "TomcatConnectorAdvice", "postParseRequest", 4));

  /**
   * Jetty 9.4 to 11 (javax and jakarta): each dispatch into a servlet context, before its security
   * handler; error pages come after it.
   */
  public static final Hook JETTY_9_TO_11 =
      new Hook(
          "Jetty",
          "org.eclipse.jetty.servlet.ServletHandler",
          PACKAGE + "ServletHooks",
          new Advised(PACKAGE + "JettyScopeAdvice", "doScope", 4));

  /** Jetty 12 (ee10): each dispatch to a mapped servlet; error pages come after it. */
  public static final Hook JETTY_12 =
      new Hook(
          "Jetty",
          "org.eclipse.jetty.ee10.servlet.ServletHandler$MappedServlet",
          PACKAGE + "ServletHooks",
          new Advised(PACKAGE + "JettyAdvice", "handle", 4));

  /**
   * Jetty 9.4 to 12: a servlet context answers its own path with a redirect to its root before any
   * servlet sees the request, in its {@code ContextHandler} (a class of that name in every Jetty):
   * in {@code handleMovedPermanently} in Jetty 12, in {@code checkContext} in 9.4 to 11. Each Jetty
   * has only one of the two methods.
   */
  public static final Hook JETTY_CONTEXT =
      new Hook(
          "Jetty",
          "org.eclipse.jetty.server.handler.ContextHandler",
          PACKAGE + "ServletHooks",
          new Advised(PACKAGE + "JettyContextRedirectAdvice", "handleMovedPermanently", 3),
          new Advised(PACKAGE + "JettyContextCheckAdvice", "checkContext", 3));

  private ServletContainers() {}
}
