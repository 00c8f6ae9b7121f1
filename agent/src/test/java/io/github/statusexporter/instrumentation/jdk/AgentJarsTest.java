package io.github.statusexporter.instrumentation.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentJarsTest {
  @TempDir Path directory;

  @Test
  void theJarsOfEveryJavaagentOptionAreNamedWithoutTheirOptions() throws Exception {
    Path jmx = Files.createFile(directory.resolve("jmx_prometheus_javaagent-1.0.1.jar"));
    Path otel = Files.createDirectories(directory.resolve("otel")).resolve("agent.jar");
    Files.createFile(otel);

    List<Path> jars =
        AgentJars.named(
            List.of(
                "-Xmx64m",
                "-javaagent:" + jmx + "=12345:/etc/jmx.yaml",
                "-Dotel.metrics.exporter=prometheus",
                "-javaagent:otel/agent.jar",
                "-javaagent:missing.jar=port=9877,source=mbean:demo:type=Status"),
            directory);

    assertThat(jars)
        .containsExactly(
            jmx.toRealPath(), otel.toRealPath(), directory.toRealPath().resolve("missing.jar"));
  }

  @Test
  void aJvmWithoutAgentsNamesNone() {
    assertThat(AgentJars.named(List.of("-Xmx64m", "-Dx=-javaagent:a.jar"), directory)).isEmpty();
  }
}
