package io.github.statusexporter.config.yaml;

import io.github.statusexporter.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a YAML configuration file into nodes that keep their line numbers for messages. */
public final class YamlFiles {
  /** The largest configuration file read: any real one is a few kilobytes. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** Deeper files are rejected before they can exhaust the stack; a mapping needs about seven. */
  public static final int MAX_DEPTH = 64;

  private YamlFiles() {}

  /**
   * @param whenEmpty what to say when the file holds no document
   * @throws ConfigException when the file is missing, not a regular file, too large, unreadable or
   *     not YAML
   */
  public static Node compose(Path file, String whenEmpty) throws ConfigException {
    return composeDocument(file).orElseThrow(() -> new ConfigException(file + ":1: " + whenEmpty));
  }

  /**
   * The file's document; empty when it holds none (no text, or only comments).
   *
   * @throws ConfigException when the file is missing, not a regular file, too large, unreadable or
   *     not YAML
   */
  public static Optional<Node> composeDocument(Path file) throws ConfigException {
    String name = file.toString();
    String text;
    try {
      if (!Files.exists(file)) {
        throw new ConfigException(name + ": does not exist");
      }
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(name + ": is not a regular file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(name + ": is larger than " + MAX_BYTES + " bytes");
      }
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot be read (" + e + ")");
    }
    try {
      LoadSettings settings =
          LoadSettings.builder()
              .setLabel(name)
              .setMaxAliasesForCollections(50)
              .setCodePointLimit(MAX_BYTES)
              .build();
      requireShallow(name, new Parse(settings).parseString(text));
      return new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
      throw new ConfigException(name + ":" + line + ": is not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ConfigException(name + ": is not valid YAML: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      // snakeyaml-engine throws these, not its own exceptions, for an escape cut off by the end
      // of the file ("\U) and for some tags (!%1).
      throw new ConfigException(name + ": is not valid YAML: " + e);
    }
  }

  /**
   * Composing the document recurses once per level of nesting, so 4 KB of brackets would overflow
   * the stack; the events come from a parser that does not recurse.
   */
  private static void requireShallow(String name, Iterable<Event> events) throws ConfigException {
    int depth = 0;
    for (Event event : events) {
      if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
        int line = event.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
        throw new ConfigException(
            name + ":" + line + ": nests lists and mappings deeper than " + MAX_DEPTH + " levels");
      }
      if (event instanceof CollectionEndEvent) {
        depth--;
      }
    }
  }
}
