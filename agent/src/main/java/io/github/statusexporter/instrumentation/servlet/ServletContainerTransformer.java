package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.ApplicationStart;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.security.ProtectionDomain;
import java.util.function.Consumer;

/**
 * Watches the classes the JVM loads for the few servlet-container classes the agent hooks, by name
 * only. When one loads, it is left as it is and woven later by retransformation, on a thread of its
 * own, once the application has started ({@link ApplicationStart}): weaving loads byte-buddy (~800
 * classes, ~0.3 s of CPU here), which on the container's thread delayed its start by ~0.5 s, and
 * beside it by ~0.3 s. Installed on {@code premain}, it costs nothing in applications without a
 * servlet container, which never load byte-buddy at all.
 */
public final class ServletContainerTransformer implements ClassFileTransformer {
  /** What the woven advice calls, which the container's class loader must find. */
  private static final String HOOKS = ServletHooks.class.getName().replace('.', '/') + ".class";

  private final Instrumentation instrumentation;
  private final Consumer<String> log;

  /**
   * @param log where to say, in one line, that a container was found but cannot be hooked
   */
  public ServletContainerTransformer(Instrumentation instrumentation, Consumer<String> log) {
    this.instrumentation = instrumentation;
    this.log = log;
  }

  /**
   * Installs it; the hooked classes are woven by retransformation. Containers loaded before (when
   * the agent is attached to a running JVM) are not instrumented.
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
    ContainerHook hook = className == null ? null : ContainerHook.forClass(className);
    if (hook == null || loader == null) {
      return null;
    }
    try {
      if (classBeingRedefined != null) {
        // Also when another agent retransforms it: only where the woven code can link.
        return seesAgent(loader) ? AdviceWeaver.weave(hook, loader, classFile) : null;
      }
      if (seesAgent(loader)) {
        weaveLater(hook, loader);
      } else {
        log.accept(
            "no request metrics for "
                + hook.container()
                + ": its class loader does not see the agent's classes (a module system such as"
                + " OSGi or JBoss Modules?)");
      }
    } catch (Throwable e) {
      log.accept("no request metrics for " + hook.container() + ": " + e);
    }
    return null;
  }

  private void weaveLater(ContainerHook hook, ClassLoader loader) {
    PendingWeaves.add();
    Thread thread = new Thread(new Weaving(hook, loader), "status-exporter-instrument");
    thread.setDaemon(true);
    thread.start();
  }

  /** True if the container's loader finds the agent's classes, by resource, loading none. */
  private static boolean seesAgent(ClassLoader containerLoader) {
    URL theirs = containerLoader.getResource(HOOKS);
    URL mine = ServletContainerTransformer.class.getClassLoader().getResource(HOOKS);
    // By text: URL.equals may resolve host names.
    return theirs != null && mine != null && theirs.toExternalForm().equals(mine.toExternalForm());
  }

  /** Retransforms a hooked class once the container has finished loading it. */
  private final class Weaving implements Runnable {
    private final ContainerHook hook;
    private final ClassLoader loader;

    Weaving(ContainerHook hook, ClassLoader loader) {
      this.hook = hook;
      this.loader = loader;
    }

    @Override
    public void run() {
      try {
        // Not beside the container's start: weaving loads byte-buddy, ~0.3 s of CPU here.
        ApplicationStart.await();
        // Waits, if need be, until the container's thread has defined the class.
        instrumentation.retransformClasses(Class.forName(hook.className(), false, loader));
      } catch (Throwable e) {
        log.accept("no request metrics for " + hook.container() + ": " + e);
      } finally {
        PendingWeaves.done();
      }
    }
  }
}
