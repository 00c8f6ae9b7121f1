package io.github.statusexporter.it;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.jar.JarFile;

/**
 * Runs an application jar in a class loader of its own below the system class loader, as Spring
 * Boot's launcher runs a packaged jar and Tomcat's bootstrap runs Catalina: the application's
 * classes, its servlet container and servlet API are then not on the class path the agent sees.
 * Arguments: the jar (its manifest names the main class and the libraries), then the app's own.
 */
public final class IsolatedApp {
  private IsolatedApp() {}

  public static void main(String[] args) throws Exception {
    Path jar = Paths.get(args[0]);
    String mainClass;
    try (JarFile file = new JarFile(jar.toFile())) {
      mainClass = file.getManifest().getMainAttributes().getValue("Main-Class");
    }
    // The jar's manifest Class-Path brings its libraries into the same loader.
    URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getSystemClassLoader());
    Thread.currentThread().setContextClassLoader(loader);
    Class.forName(mainClass, true, loader)
        .getMethod("main", String[].class)
        .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }
}
