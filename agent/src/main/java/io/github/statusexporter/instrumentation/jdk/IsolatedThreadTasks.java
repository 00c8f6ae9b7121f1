package io.github.statusexporter.instrumentation.jdk;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link ThreadTasks} loaded alone in a class loader of its own, with {@code java.lang} opened to
 * that loader's module and no other.
 */
final class IsolatedThreadTasks {
  private IsolatedThreadTasks() {}

  @SuppressWarnings("unchecked")
  static Function<Thread, Object> load(Instrumentation instrumentation)
      throws IOException, ReflectiveOperationException {
    String name = ThreadTasks.class.getName();
    byte[] bytes;
    try (InputStream in =
        IsolatedThreadTasks.class.getResourceAsStream(
            ThreadTasks.class.getSimpleName() + ".class")) {
      if (in == null) {
        throw new IOException("no class file of " + name + " in the agent's jar");
      }
      bytes = in.readAllBytes();
    }
    Class<?> isolated = new OneClassLoader(name, bytes).loadClass(name);
    instrumentation.redefineModule(
        Object.class.getModule(),
        Set.of(),
        Map.of(),
        Map.of("java.lang", Set.of(isolated.getModule())),
        Set.of(),
        Map.of());
    return (Function<Thread, Object>) isolated.getDeclaredConstructor().newInstance();
  }

  /** Defines one class; any other comes from the JDK (its parent is the boot loader). */
  private static final class OneClassLoader extends ClassLoader {
    private final String name;
    private final byte[] bytes;

    OneClassLoader(String name, byte[] bytes) {
      super("status-exporter-thread-tasks", null);
      this.name = name;
      this.bytes = bytes;
    }

    @Override
    protected Class<?> findClass(String className) throws ClassNotFoundException {
      if (!className.equals(name)) {
        throw new ClassNotFoundException(className);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
