package io.github.statusexporter.instrumentation.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentJarsTest {
  @TempDir Path directory;

  private Path jar(String name, String... attributes) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    for (int i = 0; i < attributes.length; i += 2) {
      manifest.getMainAttributes().putValue(attributes[i], attributes[i + 1]);
    }
    Path jar = directory.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream unused = new JarOutputStream(out, manifest)) {
      return jar;
    }
  }

  @Test
  void aJarWhoseManifestNamesAPremainOrAgentClassIsAnAgents() throws Exception {
    assertThat(AgentJars.isAgent(jar("jmx.jar", "Premain-Class", "io.prometheus.jmx.JavaAgent")))
        .isTrue();
    assertThat(AgentJars.isAgent(jar("attach-only.jar", "Agent-Class", "a.Agent"))).isTrue();
  }

  @Test
  void anApplicationsJarADirectoryAndWhatIsNoJarAreNot() throws Exception {
    Path notAJar = Files.writeString(directory.resolve("not.jar"), "text");

    assertThat(AgentJars.isAgent(jar("app.jar", "Main-Class", "shop.Main"))).isFalse();
    assertThat(AgentJars.isAgent(directory)).isFalse();
    assertThat(AgentJars.isAgent(notAJar)).isFalse();
    assertThat(AgentJars.isAgent(directory.resolve("missing.jar"))).isFalse();
  }
}
