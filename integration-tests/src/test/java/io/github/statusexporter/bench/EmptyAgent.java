package io.github.statusexporter.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * An agent that does nothing: what any {@code -javaagent} costs the JVM (java.instrument, and CDS's
 * archived module graph turned off), the floor under the agent's own cost.
 */
public final class EmptyAgent {
  private EmptyAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) {}

  /** Writes a jar holding only this class, with it as Premain-Class. */
  static Path jar(Path directory) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .put(new Attributes.Name("Premain-Class"), EmptyAgent.class.getName());
    Path jar = directory.resolve("empty-agent.jar");
    String entry = EmptyAgent.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream classFile = EmptyAgent.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      classFile.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }
}
