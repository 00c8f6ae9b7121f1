package io.github.statusexporter.instrumentation.weaving;

import io.github.statusexporter.instrumentation.MeasuredServers;
import java.io.IOException;
import java.io.InputStream;

/**
 * Defines an agent adapter class (and its nested classes) anew, from the agent jar's bytes, as a
 * child of the class loader that holds the API it is written against (a servlet API, a framework):
 * the API's types then resolve to the application's own, and the agent's classes, through the
 * parents, to the agent's. This is how a server the agent's class loader cannot see (a packaged
 * Spring Boot jar, a standalone Tomcat) is measured.
 */
public final class AdapterLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final String adapterName;

  private AdapterLoader(ClassLoader apiLoader, String adapterName) {
    super(apiLoader);
    this.adapterName = adapterName;
  }

  /**
   * A new instance of a copy of {@code adapter}, defined beside {@code apiLoader}; the adapter has
   * a public no-argument constructor and is assignable to {@code type}, an agent class.
   *
   * @throws LinkageError or {@link ReflectiveOperationException} when that loader does not see the
   *     agent's classes or the API the adapter needs
   */
  public static <T> T copyBeside(ClassLoader apiLoader, Class<? extends T> adapter, Class<T> type)
      throws ReflectiveOperationException {
    AdapterLoader loader = new AdapterLoader(apiLoader, adapter.getName());
    return type.cast(
        Class.forName(adapter.getName(), true, loader).getDeclaredConstructor().newInstance());
  }

  /**
   * {@link #copyBeside}, or {@code none} when that loader cannot take the copy, which the log then
   * says once: {@code server}'s requests there are not measured, or only in part.
   */
  public static <T> T copyBesideOr(
      T none, String server, ClassLoader apiLoader, Class<? extends T> adapter, Class<T> type) {
    try {
      return copyBeside(apiLoader, adapter, type);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      MeasuredServers.notMeasured(
          server, "the agent's adapter cannot be defined beside its classes (" + e + ")");
      return none;
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.equals(adapterName) && !name.startsWith(adapterName + "$")) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        byte[] classFile = agentClassFile(name);
        loaded =
            defineClass(
                name, classFile, 0, classFile.length, AdapterLoader.class.getProtectionDomain());
      }
      return loaded;
    }
  }

  private static byte[] agentClassFile(String name) throws ClassNotFoundException {
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in = AdapterLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
