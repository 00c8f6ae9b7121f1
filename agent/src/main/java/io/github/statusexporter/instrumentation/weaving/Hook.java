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

  /** For a class the agent knows but does not weave: why its server is not measured; else null. */
  private final String notice;

  /**
   * @param server what the hook measures, as the log names it: "Tomcat"
   * @param calls the agent class whose static methods the advice calls: the hooked class's loader
   *     must see it (the agent's own copy), or the woven code could not link
   */
  public Hook(String server, String className, Class<?> calls, Advised... advised) {
    this.server = server;
    this.className = className;
    this.internalName = className.replace('.', '/');
    this.callsResource = calls.getName().replace('.', '/') + ".class";
    this.advised = List.of(advised);
    this.notice = null;
  }

  private Hook(String server, String className, String notice) {
    this.server = server;
    this.className = className;
    this.internalName = className.replace('.', '/');
    this.callsResource = null;
    this.advised = List.of();
    this.notice = notice;
  }

  /**
   * A class that marks a server the agent recognizes but cannot measure (a major version whose
   * classes moved): when it loads, the log says so once, {@code no request metrics for <server>:
   * <why>}, instead of nothing. It is never woven.
   */
  public static Hook unsupported(String server, String className, String why) {
    return new Hook(server, className, why);
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

  /** Why the server is not measured, for a hook of {@link #unsupported}; else null. */
  String notice() {
    return notice;
  }

  List<Advised> advised() {
    return advised;
  }
}
