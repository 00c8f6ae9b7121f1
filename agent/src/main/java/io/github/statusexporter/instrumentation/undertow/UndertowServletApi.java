package io.github.statusexporter.instrumentation.undertow;

import io.github.statusexporter.instrumentation.weaving.AdapterLoader;

/**
 * Reads the servlet request and response of Undertow's {@code ServletRequestContext}. The adapter
 * is the only class that names an Undertow type; where the agent's class loader does not see
 * Undertow (a packaged Spring Boot jar), a copy is defined next to it ({@link AdapterLoader}),
 * which is why this class is public.
 */
public abstract class UndertowServletApi {
  private static final String REQUEST_CONTEXT =
      "io.undertow.servlet.handlers.ServletRequestContext";

  /** For a loader that does not see the agent's classes: nothing is recorded. */
  private static final UndertowServletApi NONE =
      new UndertowServletApi() {
        @Override
        public Object request(Object requestContext) {
          return null;
        }

        @Override
        public Object response(Object requestContext) {
          return null;
        }
      };

  /** The servlet request the context hands the servlet layer; null if not known. */
  public abstract Object request(Object requestContext);

  /** Its servlet response. */
  public abstract Object response(Object requestContext);

  static UndertowServletApi of(Class<?> contextClass) {
    if (!contextClass.getName().equals(REQUEST_CONTEXT)) {
      return NONE; // Undertow makes no other: a subclass is not what the adapter was written for
    }
    try {
      ClassLoader agentLoader = UndertowServletApi.class.getClassLoader();
      if (Class.forName(REQUEST_CONTEXT, false, agentLoader) == contextClass) {
        return new UndertowServletRequests();
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // not visible to the agent's loader: a copy below
    }
    try {
      return AdapterLoader.copyBeside(
          contextClass.getClassLoader(), UndertowServletRequests.class, UndertowServletApi.class);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return NONE; // that loader does not see the agent's classes: not measured
    }
  }
}
