package io.github.statusexporter.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar inside the agent's jar, copied out as the agent does. */
class InnerJarTest {
  private static final String ENTRY = "META-INF/status-exporter/after-start.jar";
  private static final byte[] CONTENT = "the inner jar's bytes".getBytes(StandardCharsets.UTF_8);

  /** The unit tests' loader, which has no inner jar: they run from classes. */
  private static final ClassLoader LOADER = InnerJarTest.class.getClassLoader();

  @TempDir Path directory;

  @TempDir Path agentDirectory;

  @Test
  void theCopyIsANewFileOfTheDirectoryReadableByItsOwnerOnly() throws Exception {
    Path copy = InnerJar.copy(LOADER, agentJar(), ENTRY, "the libraries", directory).orElseThrow();

    assertThat(copy.getParent()).isEqualTo(directory);
    assertThat(copy.getFileName().toString())
        .startsWith("status-exporter-after-start-")
        .endsWith(".jar");
    assertThat(Files.readAllBytes(copy)).isEqualTo(CONTENT);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)))
        .isEqualTo("rw-------");
    Path second = InnerJar.copy(LOADER, agentJar(), ENTRY, "the libraries", directory).get();
    assertThat(second).isNotEqualTo(copy);
  }

  @Test
  void runFromClassesThereIsNoInnerJarAndNothingIsWritten() throws Exception {
    Optional<Path> copy =
        InnerJar.copy(LOADER, InnerJar.agentJar(), ENTRY, "the libraries", directory);

    assertThat(InnerJar.agentJar()).isEmpty();
    assertThat(copy).isEmpty();
    try (var written = Files.list(directory)) {
      assertThat(written).isEmpty();
    }
  }

  @Test
  void withoutAJarFileTheAgentsLoaderGivesTheInnerJar() throws Exception {
    ClassLoader holding =
        new ClassLoader(null) {
          @Override
          public InputStream getResourceAsStream(String name) {
            return name.equals(ENTRY) ? new ByteArrayInputStream(CONTENT) : null;
          }
        };

    Path copy = InnerJar.copy(holding, Optional.empty(), ENTRY, "the libraries", directory).get();

    assertThat(Files.readAllBytes(copy)).isEqualTo(CONTENT);
  }

  @Test
  void anUnwritableDirectoryIsSaidWithWhatAndTheSettingThatHelps() {
    Path missing = directory.resolve("missing");

    assertThatThrownBy(() -> InnerJar.copy(LOADER, agentJar(), ENTRY, "the libraries", missing))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot write the libraries to " + missing + " (")
        .hasMessageEndingWith(
            "): give the JVM a writable temporary directory with -Djava.io.tmpdir=DIR");
  }

  @Test
  void aNameTakenByAnotherFileOrALinkIsPassedOverAndWhatIsThereIsLeftAlone() throws Exception {
    long unique = 1_000_000;
    Path target = Files.writeString(directory.resolve("someone-elses.jar"), "theirs");
    Files.createSymbolicLink(directory.resolve(name(unique)), target);
    Files.writeString(directory.resolve(name(unique + 1)), "another's");

    Path file = InnerJar.newFile(directory, "status-exporter-x-", unique);

    assertThat(file).isEqualTo(directory.resolve(name(unique + 2)));
    assertThat(Files.size(file)).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(target)).isEqualTo("theirs");
    assertThat(Files.readString(directory.resolve(name(unique + 1)))).isEqualTo("another's");
  }

  @Test
  void aNameWhoseLockFileIsTakenIsPassedOver() throws Exception {
    long unique = 3_000_000;
    Files.writeString(StaleCopies.lockOf(directory.resolve(name(unique))), "another's");

    Path file = InnerJar.newFile(directory, "status-exporter-x-", unique);

    assertThat(file).isEqualTo(directory.resolve(name(unique + 1)));
    assertThat(directory.resolve(name(unique))).doesNotExist();
    assertThat(StaleCopies.lockOf(file)).exists();
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(StaleCopies.lockOf(file))))
        .isEqualTo("rw-------");
    assertThat(Files.readString(StaleCopies.lockOf(directory.resolve(name(unique)))))
        .isEqualTo("another's");
  }

  @Test
  void aHundredNamesTakenIsAnError() throws Exception {
    long unique = 2_000_000;
    for (int i = 0; i < 100; i++) {
      Files.createFile(directory.resolve(name(unique + i)));
    }

    assertThatThrownBy(() -> InnerJar.newFile(directory, "status-exporter-x-", unique))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(InnerJar.newFile(directory, "status-exporter-x-", unique + 1))
        .isEqualTo(directory.resolve(name(unique + 100)));
  }

  private static String name(long unique) {
    return "status-exporter-x-" + Long.toString(unique, 36) + ".jar";
  }

  private Optional<Path> agentJar() throws IOException {
    return agentJarIn(agentDirectory);
  }

  /** An agent's jar in {@code directory} holding the inner jar, as the build makes it. */
  static Optional<Path> agentJarIn(Path directory) throws IOException {
    Path jar = directory.resolve("status-exporter.jar");
    if (!Files.exists(jar)) {
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
        out.putNextEntry(new JarEntry(ENTRY));
        out.write(CONTENT);
        out.closeEntry();
      }
    }
    return Optional.of(jar);
  }
}
