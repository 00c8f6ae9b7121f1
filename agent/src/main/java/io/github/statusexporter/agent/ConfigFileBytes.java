package io.github.statusexporter.agent;

import io.github.statusexporter.config.yaml.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A configuration file's bytes, to tell whether it changed since the last look. Only a regular file
 * of bounded size is read: never a FIFO, never a growing log.
 */
final class ConfigFileBytes {
  private ConfigFileBytes() {}

  /** The file's bytes, or null when it cannot be read now (its load then says why). */
  static byte[] read(Path file) {
    try {
      if (Files.isRegularFile(file) && Files.size(file) <= YamlFiles.MAX_BYTES) {
        return Files.readAllBytes(file);
      }
    } catch (IOException e) {
      // the load says why
    }
    return null;
  }
}
