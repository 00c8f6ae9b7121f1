package io.github.statusexporter.instrumentation.jdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Tells a Java agent's jar by its manifest, which names the class the JVM starts it with. Asked of
 * the jar a server's creator was loaded from, once per server: from the command line ({@code
 * -javaagent:}, also in {@code JAVA_TOOL_OPTIONS}) or attached later, an agent's jar says so, and
 * reading the JVM's arguments instead would load {@code java.management} (~30 ms, and its logging
 * bridge) on the thread that creates the server.
 */
final class AgentJars {
  private static final Attributes.Name PREMAIN_CLASS = new Attributes.Name("Premain-Class");
  private static final Attributes.Name AGENT_CLASS = new Attributes.Name("Agent-Class");

  private AgentJars() {}

  /** True if {@code path} is a jar whose manifest names an agent class; false if unreadable. */
  static boolean isAgent(Path path) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    try (JarFile jar = new JarFile(path.toFile(), false)) {
      Manifest manifest = jar.getManifest();
      if (manifest == null) {
        return false;
      }
      Attributes main = manifest.getMainAttributes();
      return main.containsKey(PREMAIN_CLASS) || main.containsKey(AGENT_CLASS);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
