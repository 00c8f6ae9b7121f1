package io.github.statusexporter.instrumentation.weaving;

import java.util.ArrayList;
import java.util.List;

/**
 * A class of a server or framework that the agent weaves its advice into, found by name as the JVM
 * loads it. Plain data, so that declaring hooks loads nothing of byte-buddy; and the agent's
 * classes it names (the advice, the class the advice calls) are named, not referenced, so that
 * declaring them loads none of them either (~45 classes, whose loading and metadata cost ~0.6 MB in
 * every application, while only a hooked server needs them). {@code HookCatalogTest} checks every
 * name.
 */
public final class Hook {
  private final String server;
  private final String className;
  private final String internalName;
  private final String calls;
  private final String callsResource;
  private final List<Advised> advised;

  /**
   * @param server what the hook measures, as the log names it: "Tomcat"
   * @param calls the binary name of the agent class whose static methods the advice calls: the
   *     hooked class's loader must see it (the agent's own copy), or the woven code could not link
   */
  public Hook(String server, String className, String calls, Advised... advised) {
    this.server = server;
    this.className = className;
    this.internalName = className.replace('.', '/');
    this.calls = calls;
    this.callsResource = calls.replace('.', '/') + ".class";
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

  /** The binary name of the agent class the advice calls. */
  public String calls() {
    return calls;
  }

  /** The binary names of its advice classes. */
  public List<String> adviceNames() {
    List<String> names = new ArrayList<>(advised.size());
    for (Advised each : advised) {
      names.add(each.advice());
    }
    return names;
  }

  /** The class file of {@code calls}, as a resource name. */
  String callsResource() {
    return callsResource;
  }

  /** The methods it weaves, each with its advice. */
  public List<Advised> advised() {
    return advised;
  }
}
