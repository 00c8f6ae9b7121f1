package io.github.statusexporter.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar inside the agent's jar, copied out as the agent does. */
class InnerJarTest {
  private static final String ENTRY = "META-INF/status-exporter/libraries.jar";
  private static final byte[] CONTENT = "the inner jar's bytes".getBytes(StandardCharsets.UTF_8);

  @TempDir Path directory;

  @Test
  void theCopyIsANewFileOfTheDirectoryReadableByItsOwnerOnly() throws Exception {
    Path copy = InnerJar.copy(new Holding(ENTRY), ENTRY, "the libraries", directory).orElseThrow();

    assertThat(copy.getParent()).isEqualTo(directory);
    assertThat(copy.getFileName().toString())
        .startsWith("status-exporter-libraries-")
        .endsWith(".jar");
    assertThat(Files.readAllBytes(copy)).isEqualTo(CONTENT);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
        .isEqualTo("rw-------");
    Path second = InnerJar.copy(new Holding(ENTRY), ENTRY, "the libraries", directory).get();
    assertThat(second).isNotEqualTo(copy);
  }

  @Test
  void runFromClassesThereIsNoInnerJarAndNothingIsWritten() throws Exception {
    Optional<Path> copy =
        InnerJar.copy(InnerJarTest.class.getClassLoader(), ENTRY, "the libraries", directory);

    assertThat(copy).isEmpty();
    try (var written = Files.list(directory)) {
      assertThat(written).isEmpty();
    }
  }

  @Test
  void anUnwritableDirectoryIsSaidWithWhatAndTheSettingThatHelps() {
    Path missing = directory.resolve("missing");

    assertThatThrownBy(() -> InnerJar.copy(new Holding(ENTRY), ENTRY, "the libraries", missing))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot write the libraries to " + missing + " (")
        .hasMessageEndingWith(
            "): give the JVM a writable temporary directory with -Djava.io.tmpdir=DIR");
  }

  /** The agent's loader when it runs from its jar: it holds the inner jar. */
  private static final class Holding extends ClassLoader {
    private final String entry;

    Holding(String entry) {
      super(null);
      this.entry = entry;
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      return name.equals(entry) ? new ByteArrayInputStream(CONTENT) : null;
    }
  }
}
