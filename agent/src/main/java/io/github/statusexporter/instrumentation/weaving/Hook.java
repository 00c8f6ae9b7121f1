package io.github.statusexporter.instrumentation.weaving;

import java.util.List;

/**
 * A class of a server or framework that the agent weaves its advice into, found by name as the JVM
 * loads it. Plain data, so that declaring hooks loads nothing of byte-buddy.
 */
public final class Hook {
  private final String server;
  private final String className;
  private final String internalName;
  private final String callsResource;
  private final List<Advised> advised;

  /**
   * @param server what the hook measures, as the log names it: "Tomcat". The hooks of one server
   *     are woven together, once any of them loads
   * @param calls the agent class whose static methods the advice calls: the hooked class's loader
   *     must see it (the agent's own copy), or the woven code could not link
   */
  public Hook(String server, String className, Class<?> calls, Advised... advised) {
    this.server = server;
    this.className = className;
    this.internalName = className.replace('.', '/');
    this.callsResource = calls.getName().replace('.', '/') + ".class";
    this.advised = List.of(advised);
  }

  public String server() {
    return server;
  }

  public String className() {
    return className;
  }

  boolean hooks(String internalClassName) {
    return internalName.equals(internalClassName);
  }

  /** The class file of {@code calls}, as a resource name. */
  String callsResource() {
    return callsResource;
  }

  List<Advised> advised() {
    return advised;
  }
}
