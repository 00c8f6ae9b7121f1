package io.github.statusexporter.instrumentation.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JDK creating the agent's provider from the system property, as on {@code premain}: in a JVM
 * of its own, whose first server is the first to ask the JDK for its provider.
 */
class ProviderPropertyTest {

  @Test
  void theNamesGivenOnPremainAreTheClasses() {
    assertThat(ProviderProperty.AGENT_PROVIDER)
        .isEqualTo(InstrumentingServerProvider.class.getName());
    assertThat(ProviderProperty.PROVIDER_SPI).isEqualTo(HttpServerProvider.class.getName());
  }

  @Test
  void theJdkCreatesTheAgentsProviderWhichWrapsTheJdksOwnChoice() throws Exception {
    Process jvm =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + ProviderProperty.NAME + "=" + ProviderProperty.AGENT_PROVIDER,
                "-cp",
                System.getProperty("java.class.path"),
                FirstServer.class.getName())
            // Only its answers: the JVM may say more on stderr (JAVA_TOOL_OPTIONS).
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> lines;
    try {
      assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
      lines =
          new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } finally {
      jvm.destroyForcibly();
    }

    assertThat(lines)
        .containsExactly(
            "provider " + InstrumentingServerProvider.class.getName(),
            "server " + InstrumentedHttpServer.class.getName(),
            "wrapped sun.net.httpserver.DefaultHttpServerProvider",
            "property null");
  }

  /**
   * The application: its first server, from its own code (the test classes), created before the
   * agent's start thread has read the options, which the server's creation waits for.
   */
  static final class FirstServer {
    public static void main(String[] args) throws IOException {
      Thread optionsRead =
          new Thread(
              () -> {
                try {
                  Thread.sleep(300);
                } catch (InterruptedException e) {
                  return;
                }
                JdkServerInstrumentation.measure(true);
              });
      optionsRead.start();
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      HttpServerProvider provider = HttpServerProvider.provider();
      System.out.println("provider " + provider.getClass().getName());
      System.out.println("server " + server.getClass().getName());
      System.out.println("wrapped " + ((InstrumentingServerProvider) provider).wrapped());
      System.out.println("property " + System.getProperty(ProviderProperty.NAME));
      server.stop(0);
    }
  }
}
