package io.github.statusexporter.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a YAML configuration file into nodes that keep their line numbers for messages. */
final class YamlFiles {
  private YamlFiles() {}

  /**
   * @param whenEmpty what to say when the file holds no document
   * @throws ConfigException when the file is missing, not a regular file, too large, unreadable or
   *     not YAML
   */
  static Node compose(Path file, String whenEmpty) throws ConfigException {
    String name = file.toString();
    String text;
    try {
      if (!Files.exists(file)) {
        throw new ConfigException(name + ": does not exist");
      }
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(name + ": is not a regular file");
      }
      if (Files.size(file) > ConfigFile.MAX_BYTES) {
        throw new ConfigException(name + ": is larger than " + ConfigFile.MAX_BYTES + " bytes");
      }
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot be read (" + e + ")");
    }
    try {
      return new Compose(
              LoadSettings.builder()
                  .setLabel(name)
                  .setMaxAliasesForCollections(50)
                  .setCodePointLimit(ConfigFile.MAX_BYTES)
                  .build())
          .composeString(text)
          .orElseThrow(() -> new ConfigException(name + ":1: " + whenEmpty));
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
      throw new ConfigException(name + ":" + line + ": is not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ConfigException(name + ": is not valid YAML: " + e.getMessage());
    }
  }
}
