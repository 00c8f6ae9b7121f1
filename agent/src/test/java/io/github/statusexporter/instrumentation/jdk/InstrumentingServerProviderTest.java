package io.github.statusexporter.instrumentation.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import io.github.statusexporter.family.InfoFamily;
import io.github.statusexporter.instrumentation.MeasuredServers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real JDK servers from the agent's provider, created by this test as by one party or another. */
class InstrumentingServerProviderTest {
  private final Path testClasses = CodeLocations.of(getClass()).orElseThrow();
  private final List<String> log = new ArrayList<>();
  private final List<HttpServer> servers = new ArrayList<>();

  @BeforeEach
  void optionsRead() {
    JdkServerInstrumentation.measure(true);
  }

  @AfterEach
  void stop() {
    servers.forEach(server -> server.stop(0));
  }

  private InstrumentingServerProvider provider(ServerOwners owners) {
    return new InstrumentingServerProvider(HttpServerProvider.provider(), owners, log::add);
  }

  private <T extends HttpServer> T started(T server) {
    servers.add(server);
    return server;
  }

  private static InetSocketAddress anyPort() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  @Test
  void theApplicationsServersRecordTheirRequestsSilently() throws Exception {
    InstrumentingServerProvider provider =
        provider(new ServerOwners(Optional.empty(), path -> false));

    HttpServer http = started(provider.createHttpServer(anyPort(), 0));
    HttpsServer https = started(provider.createHttpsServer(anyPort(), 0));

    assertThat(http).isInstanceOf(InstrumentedHttpServer.class);
    assertThat(https).isInstanceOf(InstrumentedHttpsServer.class);
    assertThat(http.createContext("/orders").getFilters())
        .singleElement()
        .isInstanceOf(RecordingFilter.class);
    assertThat(log).isEmpty();
  }

  @Test
  void withInstrumentFalseTheApplicationsServersAreTheJdksSilently() throws Exception {
    InstrumentingServerProvider provider =
        provider(new ServerOwners(Optional.empty(), path -> false));
    JdkServerInstrumentation.measure(false);
    try {
      HttpServer http = started(provider.createHttpServer(anyPort(), 0));

      assertThat(http).isNotInstanceOf(InstrumentedHttpServer.class);
      assertThat(http.createContext("/orders").getFilters()).isEmpty();
      assertThat(log).isEmpty();
    } finally {
      JdkServerInstrumentation.measure(true);
    }
  }

  @Test
  void aServerCreatedAfterARefusedAgentWaitsForTheNextAgentsDecision() throws Exception {
    InstrumentingServerProvider provider =
        provider(new ServerOwners(Optional.empty(), path -> false));
    JdkServerInstrumentation.measure(false); // the agent in JAVA_TOOL_OPTIONS, refused
    JdkServerInstrumentation.reopenDecision(); // the command line's, on its premain
    CompletableFuture<HttpServer> created = new CompletableFuture<>();
    Thread main =
        new Thread(
            () -> {
              try {
                created.complete(started(provider.createHttpServer(anyPort(), 0)));
              } catch (Exception | Error e) {
                created.completeExceptionally(e);
              }
            });
    main.start();
    Thread.sleep(300);
    assertThat(created).isNotDone();

    JdkServerInstrumentation.measure(true); // its options read

    assertThat(created.get(5, TimeUnit.SECONDS)).isInstanceOf(InstrumentedHttpServer.class);
  }

  @Test
  void aDecisionNotMadeInTimeLeavesTheServerUnmeasuredSaidOnceAndCounted() throws Exception {
    List<String> held = new ArrayList<>(); // the options thread's held lines
    InfoFamily notMeasured = new InfoFamily("not_measured", "Servers not measured", "server");
    MeasuredServers.tellNotMeasured(notMeasured);
    JdkServerInstrumentation.propertyNamed(held::add);
    JdkServerInstrumentation.reopenDecision(); // the options thread starved
    try {
      assertThat(JdkServerInstrumentation.measuring(50, TimeUnit.MILLISECONDS)).isFalse();
      assertThat(JdkServerInstrumentation.measuring(50, TimeUnit.MILLISECONDS)).isFalse();
    } finally {
      JdkServerInstrumentation.measure(true);
    }

    assertThat(held)
        .containsExactly(
            "no request metrics for JDK HTTP server: one was created before the agent had read its"
                + " options, which took over 50 ms (is the machine starved of CPU?); those created"
                + " later are measured");
    // The servers other tests of this JVM left out are told to it too.
    assertThat(notMeasured.collect().getDataPoints())
        .extracting(point -> point.getLabels().get("server"))
        .containsOnlyOnce("JDK HTTP server");
  }

  @Test
  void anotherAgentsServerIsTheJdksUnwrappedAndSaidSo() throws Exception {
    InstrumentingServerProvider provider =
        provider(new ServerOwners(Optional.empty(), testClasses::equals));

    HttpServer http = started(provider.createHttpServer(anyPort(), 0));
    HttpServer unbound = started(provider.createHttpsServer(null, 0));

    assertThat(http).isNotInstanceOf(InstrumentedHttpServer.class);
    assertThat(http.createContext("/metrics").getFilters()).isEmpty();
    assertThat(unbound).isNotInstanceOf(InstrumentedHttpsServer.class);
    assertThat(log)
        .containsExactly(
            "not measuring the HTTP server on port "
                + http.getAddress().getPort()
                + ": it belongs to the agent "
                + testClasses.getFileName(),
            "not measuring an HTTP server not bound yet: it belongs to the agent "
                + testClasses.getFileName());
  }

  @Test
  void theAgentsOwnServerIsLeftOutWithoutAWord() throws Exception {
    InstrumentingServerProvider provider =
        provider(new ServerOwners(Optional.of(testClasses), path -> false));

    HttpServer own = started(provider.createHttpServer(anyPort(), 0));

    assertThat(own).isNotInstanceOf(InstrumentedHttpServer.class);
    assertThat(log).isEmpty();
  }
}
