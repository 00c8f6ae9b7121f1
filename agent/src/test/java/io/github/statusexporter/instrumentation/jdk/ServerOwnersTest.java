package io.github.statusexporter.instrumentation.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Whose a server is, from the classes on the stack that creates it or from its handlers. */
class ServerOwnersTest {
  private final Path testClasses = CodeLocations.of(ServerOwnersTest.class).orElseThrow();
  private final Path clientJava = CodeLocations.of(HTTPServer.class).orElseThrow();

  @Test
  void aServerTheApplicationCreatesIsTheApplications() {
    ServerOwners owners = new ServerOwners(Optional.of(clientJava), clientJava::equals);

    assertThat(owners.ownerOf(List.of(HttpServer.class, getClass(), HTTPServer.class))).isEmpty();
  }

  @Test
  void theJdkAndTheProviderAreLookedPastToTheCodeThatCreatesTheServer() {
    ServerOwners owners = new ServerOwners(Optional.empty(), testClasses::equals);

    assertThat(
            owners.ownerOf(
                List.of(
                    InstrumentingServerProvider.class, HttpServer.class, Thread.class, getClass())))
        .contains("the agent " + testClasses.getFileName());
  }

  @Test
  void aServerCreatedFromThisAgentsJarIsItsOwn() {
    ServerOwners owners = new ServerOwners(Optional.of(testClasses), testClasses::equals);

    assertThat(owners.ownerOf(List.of(HttpServer.class, getClass())))
        .contains(ServerOwners.THIS_AGENT);
  }

  @Test
  void monitoringLibrariesAreKnownByTheirClassAlsoOutsideAgents() {
    ServerOwners owners = new ServerOwners(Optional.empty(), path -> false);

    assertThat(owners.ownerOf(List.of(HttpServer.class, HTTPServer.class, getClass())))
        .contains(
            "Prometheus client_java's HTTPServer"
                + " (io.prometheus.metrics.exporter.httpserver.HTTPServer)");
  }

  @Test
  void aLibrarysServerIsKnownAlsoWhenItsBuilderCreatesIt() {
    ServerOwners owners = new ServerOwners(Optional.empty(), path -> false);

    assertThat(owners.ownerOf(List.of(HTTPServer.Builder.class, getClass())))
        .contains(
            "Prometheus client_java's HTTPServer"
                + " (io.prometheus.metrics.exporter.httpserver.HTTPServer)");
  }

  @Test
  void anAgentsJarOutranksTheLibraryItBundles() {
    ServerOwners owners = new ServerOwners(Optional.empty(), clientJava::equals);

    assertThat(owners.ownerOf(List.of(HTTPServer.class)))
        .contains("the agent " + clientJava.getFileName());
  }

  @Test
  void aRunningLibrarysServerIsKnownByItsHandlersPackage() {
    ServerOwners owners = new ServerOwners(Optional.empty(), path -> false);

    assertThat(owners.ownerOfHandlers(Stream.of(getClass(), MetricsHandler.class)))
        .contains(
            "Prometheus client_java's HTTPServer"
                + " (io.prometheus.metrics.exporter.httpserver.MetricsHandler)");
    assertThat(owners.ownerOfHandlers(Stream.of(getClass(), String.class))).isEmpty();
  }
}
