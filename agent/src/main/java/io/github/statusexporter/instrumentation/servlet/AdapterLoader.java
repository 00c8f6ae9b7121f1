package io.github.statusexporter.instrumentation.servlet;

import java.io.IOException;
import java.io.InputStream;

/**
 * Defines a servlet adapter (and its nested classes) anew, from the agent jar's bytes, as a child
 * of the class loader that holds a container's servlet API: its servlet types then resolve to the
 * container's own, and the agent's classes, through the parents, to the agent's. This is how a
 * container the agent's class loader cannot see (a packaged Spring Boot jar, a standalone Tomcat)
 * is measured.
 */
final class AdapterLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final String adapterName;

  AdapterLoader(ClassLoader servletApiLoader, String adapterName) {
    super(servletApiLoader);
    this.adapterName = adapterName;
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
                name, classFile, 0, classFile.length, ServletApi.class.getProtectionDomain());
      }
      return loaded;
    }
  }

  private static byte[] agentClassFile(String name) throws ClassNotFoundException {
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in = ServletApi.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
