package io.github.statusexporter.servletapp.jetty;

import io.github.statusexporter.servletapp.TestServlets;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

/**
 * The test servlets on embedded Jetty 12 (ee10), under the context path {@code /shop}, and static
 * content with a welcome file, served by Jetty's default servlet.
 */
public final class JettyApp {
  private JettyApp() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Server server = new Server(port);
    ServletContextHandler context = new ServletContextHandler("/shop");
    for (Map.Entry<String, HttpServlet> servlet : TestServlets.byPattern().entrySet()) {
      ServletHolder holder = new ServletHolder(servlet.getValue());
      holder.setAsyncSupported(true);
      context.addServlet(holder, servlet.getKey());
    }
    Path content = Files.createTempDirectory("jetty12-app");
    content.toFile().deleteOnExit();
    Files.writeString(content.resolve("index.html"), "<p>shop</p>\n").toFile().deleteOnExit();
    context.setBaseResourceAsPath(content);
    context.setWelcomeFiles(new String[] {"index.html"});
    context.addServlet(DefaultServlet.class, "/");
    FilterHolder filter = new FilterHolder(TestServlets.filter());
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
    System.out.println("servlet-app ready on port " + port);
    server.join();
  }
}
