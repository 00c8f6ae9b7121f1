package io.github.statusexporter.instrumentation.weaving;

/**
 * Weaves a hook's advice into the class file of its class. The one implementation, {@code
 * AdviceWeaver}, and byte-buddy with it, live in a jar inside the agent's jar ({@link WeaverJar}),
 * loaded only when an application loads a hooked class: public, since that jar has a class loader
 * of its own.
 */
public interface Weaver {
  /**
   * @param loader the hooked class's loader, which sees the agent's classes the advice calls
   * @return the woven class file
   */
  byte[] weave(Hook hook, ClassLoader loader, byte[] classFile);
}
