package io.github.statusexporter.it;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.logging.LogManager;

/**
 * Boots like WildFly: after a while, sets up a module class loader that holds the log manager named
 * by {@code -Djava.util.logging.manager}, and only then initialises java.util.logging. Arguments:
 * the modules directory, milliseconds to boot, milliseconds to run on.
 */
public final class LateLogManagerApp {
  private LateLogManagerApp() {}

  public static void main(String[] args) throws Exception {
    Thread.sleep(Long.parseLong(args[1]));
    URLClassLoader modules = new URLClassLoader(new URL[] {Paths.get(args[0]).toUri().toURL()});
    Thread.currentThread().setContextClassLoader(modules);
    System.out.println("log manager: " + LogManager.getLogManager().getClass().getName());
    Thread.sleep(Long.parseLong(args[2]));
  }
}
