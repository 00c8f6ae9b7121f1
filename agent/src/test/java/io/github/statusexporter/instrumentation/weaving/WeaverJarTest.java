package io.github.statusexporter.instrumentation.weaving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.statusexporter.jar.InnerJar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weaver from the jar inside the agent's jar. The unit tests run from classes, where there is
 * none: an agent loader that holds one, made here, stands for the agent's jar (the integration
 * tests run the real one).
 */
class WeaverJarTest {
  private static final String WEAVER_CLASS = WeaverJar.WEAVER.replace('.', '/') + ".class";

  @TempDir Path directory;

  @TempDir Path agentDirectory;

  @Test
  void runFromClassesTheWeaverIsTheAgentLoadersAndNothingIsWritten() throws Exception {
    Weaver weaver =
        WeaverJar.load(WeaverJarTest.class.getClassLoader(), InnerJar.agentJar(), directory);

    assertThat(weaver.getClass().getName()).isEqualTo(WeaverJar.WEAVER);
    assertThat(weaver.getClass().getClassLoader()).isSameAs(WeaverJar.class.getClassLoader());
    try (var written = Files.list(directory)) {
      assertThat(written).isEmpty();
    }
  }

  @Test
  void theInnerJarIsCopiedToTheDirectoryAndTheWeaverLoadedFromTheCopy() throws Exception {
    Weaver weaver = WeaverJar.load(new AgentWithoutWeaver(), agentJar(), directory);

    assertThat(weaver.getClass().getName()).isEqualTo(WeaverJar.WEAVER);
    ClassLoader loader = weaver.getClass().getClassLoader();
    assertThat(loader).isInstanceOf(URLClassLoader.class);
    Path copy = Paths.get(((URLClassLoader) loader).getURLs()[0].toURI());
    assertThat(copy.getParent()).isEqualTo(directory);
    assertThat(copy.getFileName().toString()).startsWith("status-exporter-weaver-");
  }

  @Test
  void anUnwritableDirectoryIsSaidWithTheSettingThatHelps() throws Exception {
    Path missing = directory.resolve("missing");

    Optional<Path> agentJar = agentJar();
    assertThatThrownBy(() -> WeaverJar.load(new AgentWithoutWeaver(), agentJar, missing))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot write the agent's weaving classes (byte-buddy, ~2.9 MB) to")
        .hasMessageContaining(missing.toString())
        .hasMessageEndingWith(
            "give the JVM a writable temporary directory with -Djava.io.tmpdir=DIR");
  }

  /**
   * An agent's jar holding a jar that holds the weaver's class file, as the build's inner jar does.
   */
  private Optional<Path> agentJar() throws IOException {
    Path jar = agentDirectory.resolve("status-exporter.jar");
    try (JarOutputStream agent = new JarOutputStream(Files.newOutputStream(jar))) {
      agent.putNextEntry(new JarEntry(WeaverJar.ENTRY));
      JarOutputStream inner = new JarOutputStream(agent);
      try (InputStream weaver =
          WeaverJarTest.class.getClassLoader().getResourceAsStream(WEAVER_CLASS)) {
        inner.putNextEntry(new JarEntry(WEAVER_CLASS));
        weaver.transferTo(inner);
        inner.closeEntry();
      }
      inner.finish(); // not close, which would close the agent's jar's stream
      agent.closeEntry();
    }
    return Optional.of(jar);
  }

  /**
   * The agent's loader when it runs from its jar: without the weaver's class, which is in the inner
   * jar only.
   */
  private static final class AgentWithoutWeaver extends ClassLoader {
    AgentWithoutWeaver() {
      super(WeaverJarTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.equals(WeaverJar.WEAVER)) {
        throw new ClassNotFoundException(name);
      }
      return super.loadClass(name, resolve);
    }
  }
}
