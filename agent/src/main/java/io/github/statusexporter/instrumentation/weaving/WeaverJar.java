package io.github.statusexporter.instrumentation.weaving;

import io.github.statusexporter.jar.InnerJar;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@link Weaver}, from the jar inside the agent's jar that holds it and byte-buddy ({@value
 * #ENTRY}, {@link InnerJar}): ~1,850 class files that every JVM would otherwise index as it opens
 * the agent's jar, for weaving that only applications with a hooked server ever do. The first weave
 * copies it out and reads it with a class loader of its own. Run from classes rather than the
 * agent's jar (the unit tests), there is no inner jar and the weaver is the agent loader's.
 */
final class WeaverJar {
  static final String ENTRY = "META-INF/status-exporter/weaver.jar";
  static final String WEAVER = "io.github.statusexporter.instrumentation.weaving.AdviceWeaver";

  // Guarded by WeaverJar.class: one copy and one loader per JVM; a failure is kept and thrown
  // again (said once per hooked server, as the exception of its weave), not tried again.
  private static Weaver weaver;
  private static Exception failure;

  private WeaverJar() {}

  /** The weaver, the first call loading it. */
  static synchronized Weaver weaver() throws Exception {
    if (failure != null) {
      throw failure;
    }
    if (weaver == null) {
      try {
        weaver =
            load(
                WeaverJar.class.getClassLoader(),
                InnerJar.agentJar(),
                InnerJar.temporaryDirectory());
      } catch (Exception e) {
        failure = e;
        throw e;
      }
    }
    return weaver;
  }

  /**
   * @param agent the agent's class loader
   * @param agentJar the agent's jar ({@link InnerJar#agentJar()})
   * @param directory where the inner jar is copied
   */
  static Weaver load(ClassLoader agent, Optional<Path> agentJar, Path directory)
      throws IOException, ReflectiveOperationException {
    Optional<Path> copy =
        InnerJar.copy(
            agent, agentJar, ENTRY, "the agent's weaving classes (byte-buddy, ~2.9 MB)", directory);
    if (copy.isEmpty()) {
      return created(agent);
    }
    try {
      return created(new URLClassLoader(new URL[] {copy.get().toUri().toURL()}, agent));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      InnerJar.delete(copy.get());
      throw e;
    }
  }

  private static Weaver created(ClassLoader loader) throws ReflectiveOperationException {
    return (Weaver) Class.forName(WEAVER, true, loader).getDeclaredConstructor().newInstance();
  }
}
