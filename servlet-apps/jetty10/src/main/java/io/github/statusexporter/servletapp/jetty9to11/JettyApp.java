package io.github.statusexporter.servletapp.jetty9to11;

import io.github.statusexporter.servletapp.TestServlets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.security.ConstraintMapping;
import org.eclipse.jetty.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.DefaultServlet;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.security.Constraint;

/**
 * The test servlets on embedded Jetty 10 and, compiled again from this source, on Jetty 9.4 and 11,
 * whose embedding API is the same: it names no servlet type, so that it compiles against javax
 * (9.4, 10) and jakarta (11). Under the context path {@code /shop}: static content with a welcome
 * file served by Jetty's default servlet, and the context's own security handler asking for a
 * password under {@code /items/private/}.
 */
public final class JettyApp {
  private JettyApp() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Server server = new Server(port);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SECURITY);
    context.setContextPath("/shop");
    for (var servlet : TestServlets.byPattern().entrySet()) {
      ServletHolder holder = new ServletHolder(servlet.getValue());
      holder.setAsyncSupported(true);
      context.addServlet(holder, servlet.getKey());
    }
    Path content = Files.createTempDirectory("jetty-app");
    content.toFile().deleteOnExit();
    Files.writeString(content.resolve("index.html"), "<p>shop</p>\n").toFile().deleteOnExit();
    context.setResourceBase(content.toString());
    context.setWelcomeFiles(new String[] {"index.html"});
    context.addServlet(DefaultServlet.class, "/");
    FilterHolder filter = new FilterHolder(TestServlets.filter());
    filter.setAsyncSupported(true);
    // No dispatcher types: Jetty's default, requests (and their asynchronous dispatches).
    context.addFilter(filter, "/*", null);
    context.setSecurityHandler(passwordProtected("/items/private/*"));
    server.setHandler(context);
    server.start();
    System.out.println("servlet-app ready on port " + port);
    server.join();
  }

  /** Basic authentication on {@code pathSpec}, with no user who could pass it. */
  private static ConstraintSecurityHandler passwordProtected(String pathSpec) {
    Constraint constraint = new Constraint(Constraint.__BASIC_AUTH, "customer");
    constraint.setAuthenticate(true);
    ConstraintMapping mapping = new ConstraintMapping();
    mapping.setConstraint(constraint);
    mapping.setPathSpec(pathSpec);
    HashLoginService users = new HashLoginService("shop");
    users.setUserStore(new UserStore());
    ConstraintSecurityHandler security = new ConstraintSecurityHandler();
    security.setAuthenticator(new BasicAuthenticator());
    security.setLoginService(users);
    security.addConstraintMapping(mapping);
    return security;
  }
}
