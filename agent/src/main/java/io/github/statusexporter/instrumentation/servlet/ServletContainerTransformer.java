package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.ApplicationStart;
import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.security.ProtectionDomain;
import java.util.function.Consumer;

/**
 * Watches the classes the JVM loads for the few servlet-container classes the agent hooks, by name
 * only, and weaves the advice into those. Installed on {@code premain} because it costs nothing
 * until a container loads: byte-buddy itself loads only then, so applications without a servlet
 * container never pay for it, and a container cannot serve a request before it is hooked.
 */
public final class ServletContainerTransformer implements ClassFileTransformer {
  private static final String JAKARTA_REQUEST = "jakarta/servlet/http/HttpServletRequest.class";
  private static final String JAVAX_REQUEST = "javax/servlet/http/HttpServletRequest.class";

  private final Consumer<String> log;

  /**
   * @param log where to say, in one line, that a container was found but cannot be hooked
   */
  public ServletContainerTransformer(Consumer<String> log) {
    this.log = log;
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
      if (!seesSameServletApi(loader)) {
        log.accept(
            "no request metrics for "
                + hook.container()
                + ": its servlet API is not on the application class path (a standalone server"
                + " or a packaged Spring Boot jar?); only embedded containers are instrumented");
        return null;
      }
      byte[] woven = AdviceWeaver.weave(hook, loader, classFile);
      // The container is starting: the agent need not wait any longer to start itself, and the
      // sooner it has made the request metrics, the fewer early requests go unrecorded.
      ApplicationStart.serving();
      return woven;
    } catch (Throwable e) {
      log.accept("no request metrics for " + hook.container() + ": " + e);
      return null;
    }
  }

  /**
   * The advice calls adapters loaded by the agent's class loader, which name servlet types: they
   * must resolve to the container's own. Checked by resource, without loading a class here.
   */
  private static boolean seesSameServletApi(ClassLoader containerLoader) {
    ClassLoader agentLoader = ServletContainerTransformer.class.getClassLoader();
    return sameResource(containerLoader, agentLoader, JAKARTA_REQUEST)
        || sameResource(containerLoader, agentLoader, JAVAX_REQUEST);
  }

  private static boolean sameResource(ClassLoader one, ClassLoader other, String resource) {
    URL mine = one.getResource(resource);
    URL theirs = other.getResource(resource);
    // By text: URL.equals may resolve host names.
    return mine != null && theirs != null && mine.toExternalForm().equals(theirs.toExternalForm());
  }
}
