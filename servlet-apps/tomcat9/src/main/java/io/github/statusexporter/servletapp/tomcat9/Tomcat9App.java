package io.github.statusexporter.servletapp.tomcat9;

import io.github.statusexporter.servletapp.TestServlets;
import java.nio.file.Files;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** The test servlets on embedded Tomcat 9 (javax), under the context path {@code /shop}. */
public final class Tomcat9App {
  private Tomcat9App() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("tomcat9-app").toString());
    tomcat.setPort(port);
    tomcat.getConnector();
    Context context = tomcat.addContext("/shop", null);
    int index = 0;
    for (Map.Entry<String, HttpServlet> servlet : TestServlets.byPattern().entrySet()) {
      String name = "servlet" + index++;
      Wrapper wrapper = Tomcat.addServlet(context, name, servlet.getValue());
      wrapper.setAsyncSupported(true);
      context.addServletMappingDecoded(servlet.getKey(), name);
    }
    FilterDef filter = new FilterDef();
    filter.setFilterName("pass-through");
    filter.setFilter(TestServlets.filter());
    filter.setAsyncSupported("true");
    context.addFilterDef(filter);
    FilterMap mapping = new FilterMap();
    mapping.setFilterName("pass-through");
    mapping.addURLPattern("/*");
    context.addFilterMap(mapping);
    tomcat.start();
    System.out.println("servlet-app ready on port " + port);
    tomcat.getServer().await();
  }
}
