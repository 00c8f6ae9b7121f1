package io.github.statusexporter.instrumentation.jdk;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.Optional;

/** Where a class was loaded from, as a real path on disk, comparable with the agents' jars. */
final class CodeLocations {
  private CodeLocations() {}

  /** The jar or directory the class came from; empty for JDK classes and generated ones. */
  static Optional<Path> of(Class<?> type) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return Optional.empty();
      }
      if (!"file".equals(source.getLocation().getProtocol())) {
        return Optional.empty(); // inside a fat jar (jar:, nested:): the application's packaging
      }
      return Optional.of(real(Paths.get(source.getLocation().toURI())));
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The path with links resolved when it exists, so that two names of one jar compare equal. */
  static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }
}
