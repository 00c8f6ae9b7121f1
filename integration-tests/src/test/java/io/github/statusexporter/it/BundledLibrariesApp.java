package io.github.statusexporter.it;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;

/**
 * An application that bundles its own, older client_java (1.3) and byte-buddy (1.14), and runs its
 * own metrics server, as many do. Arguments: its metrics port, how long to run in ms.
 */
public final class BundledLibrariesApp {
  private BundledLibrariesApp() {}

  public static void main(String[] args) throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter requests = Counter.builder().name("bundled_requests").register(registry);
    requests.inc();
    HTTPServer server =
        HTTPServer.builder().port(Integer.parseInt(args[0])).registry(registry).buildAndStart();
    Class<?> generated =
        new ByteBuddy(ClassFileVersion.JAVA_V11)
            .subclass(Object.class)
            .name("bundled.Generated")
            .make()
            .load(BundledLibrariesApp.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
            .getLoaded();
    System.out.println("bundled-app ready on " + server.getPort() + " with " + generated.getName());
    Thread.sleep(Long.parseLong(args[1]));
  }
}
