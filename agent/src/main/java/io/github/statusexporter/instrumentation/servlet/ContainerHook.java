package io.github.statusexporter.instrumentation.servlet;

/** The one method of each servlet container that every request passes through once. */
enum ContainerHook {
  TOMCAT("Tomcat", "org.apache.catalina.core.StandardHostValve", "invoke", 2),
  JETTY_12("Jetty 12", "org.eclipse.jetty.ee10.servlet.ServletHandler$MappedServlet", "handle", 4);

  private static final ContainerHook[] ALL = values();

  private final String container;
  private final String className;
  private final String internalName;
  private final String methodName;
  private final int parameterCount;

  ContainerHook(String container, String className, String methodName, int parameterCount) {
    this.container = container;
    this.className = className;
    this.internalName = className.replace('.', '/');
    this.methodName = methodName;
    this.parameterCount = parameterCount;
  }

  /** The hook of a class the JVM is about to load, by its internal name; null for any other. */
  static ContainerHook forClass(String internalName) {
    for (ContainerHook hook : ALL) {
      if (hook.internalName.equals(internalName)) {
        return hook;
      }
    }
    return null;
  }

  String container() {
    return container;
  }

  String className() {
    return className;
  }

  String methodName() {
    return methodName;
  }

  int parameterCount() {
    return parameterCount;
  }
}
