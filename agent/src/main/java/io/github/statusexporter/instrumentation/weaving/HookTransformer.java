package io.github.statusexporter.instrumentation.weaving;

import io.github.statusexporter.instrumentation.ApplicationStart;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Watches the classes the JVM loads for the few classes of servers and frameworks the agent hooks,
 * by name only. When one loads, it is left as it is and woven later by retransformation, on a
 * thread of its own, once the application has started ({@link ApplicationStart}): weaving loads
 * byte-buddy (~800 classes, ~0.3 s of CPU here), which on the container's thread delayed its start
 * by ~0.5 s, and beside it by ~0.3 s. Installed on {@code premain}, it costs nothing in
 * applications without a hooked class, which never load byte-buddy at all.
 */
public final class HookTransformer implements ClassFileTransformer {
  private final Instrumentation instrumentation;
  private final Hook[] hooks;
  private final Consumer<String> log;

  /**
   * @param log where to say, in one line, that a server was found but cannot be hooked
   */
  public HookTransformer(Instrumentation instrumentation, List<Hook> hooks, Consumer<String> log) {
    this.instrumentation = instrumentation;
    this.hooks = hooks.toArray(new Hook[0]);
    this.log = log;
  }

  /**
   * Installs it; the hooked classes are woven by retransformation. Classes loaded before (when the
   * agent is attached to a running JVM) are not instrumented.
   */
  public void install() {
    instrumentation.addTransformer(this, true);
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classFile) {
    Hook hook = className == null ? null : hookOf(className);
    if (hook == null || loader == null) {
      return null;
    }
    try {
      if (classBeingRedefined != null) {
        // Also when another agent retransforms it: only where the woven code can link.
        return seesAgent(hook, loader) ? AdviceWeaver.weave(hook, loader, classFile) : null;
      }
      if (seesAgent(hook, loader)) {
        weaveLater(hook, loader);
      } else {
        log.accept(
            "no request metrics for "
                + hook.server()
                + ": its class loader does not see the agent's classes (a module system such as"
                + " OSGi or JBoss Modules?)");
      }
    } catch (Throwable e) {
      log.accept("no request metrics for " + hook.server() + ": " + e);
    }
    return null;
  }

  /** Called for every class the JVM loads: a few string comparisons, nothing more. */
  private Hook hookOf(String internalName) {
    for (Hook hook : hooks) {
      if (hook.hooks(internalName)) {
        return hook;
      }
    }
    return null;
  }

  private void weaveLater(Hook hook, ClassLoader loader) {
    PendingWeaves.add();
    Thread thread = new Thread(new Weaving(hook, loader), "status-exporter-instrument");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The hooked class and the other hooked classes of its server that its loader finds, loading them
   * if need be: retransformed in one call, so that no request passes a server's woven beginning and
   * its unwoven end (Reactor Netty loads the class its requests end in only at the first request).
   */
  private Class<?>[] wovenTogether(Hook hook, ClassLoader loader) throws ClassNotFoundException {
    List<Class<?>> classes = new ArrayList<>();
    classes.add(Class.forName(hook.className(), false, loader));
    for (Hook other : hooks) {
      if (other != hook && other.server().equals(hook.server())) {
        try {
          classes.add(Class.forName(other.className(), false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
          // that part of the server is not there, or not in this loader
        }
      }
    }
    return classes.toArray(new Class<?>[0]);
  }

  /** True if the hooked class's loader finds the agent class its advice calls, loading none. */
  private static boolean seesAgent(Hook hook, ClassLoader hookedLoader) {
    URL theirs = hookedLoader.getResource(hook.callsResource());
    URL mine = HookTransformer.class.getClassLoader().getResource(hook.callsResource());
    // By text: URL.equals may resolve host names.
    return theirs != null && mine != null && theirs.toExternalForm().equals(mine.toExternalForm());
  }

  /** Retransforms a hooked class once its loader has finished loading it. */
  private final class Weaving implements Runnable {
    private final Hook hook;
    private final ClassLoader loader;

    Weaving(Hook hook, ClassLoader loader) {
      this.hook = hook;
      this.loader = loader;
    }

    @Override
    public void run() {
      try {
        // Not beside the application's start: weaving loads byte-buddy, ~0.3 s of CPU here.
        ApplicationStart.await();
        // Waits, if need be, until the loading thread has defined the class.
        instrumentation.retransformClasses(wovenTogether(hook, loader));
      } catch (Throwable e) {
        log.accept("no request metrics for " + hook.server() + ": " + e);
      } finally {
        PendingWeaves.done();
      }
    }
  }
}
