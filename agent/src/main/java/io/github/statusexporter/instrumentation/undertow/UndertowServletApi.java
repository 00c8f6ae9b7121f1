package io.github.statusexporter.instrumentation.undertow;

import io.github.statusexporter.instrumentation.servlet.ServletHooks;
import io.github.statusexporter.instrumentation.servlet.ServletRoute;
import io.github.statusexporter.instrumentation.weaving.AdapterLoader;

/**
 * Finds the servlet request of an Undertow exchange that a servlet deployment handles. The adapter
 * is the only class that names undertow-servlet's types, which an application of plain handlers
 * does not have; a copy is defined next to Undertow where the agent's loader does not see it.
 */
public abstract class UndertowServletApi {
  private static final UndertowServletApi NONE =
      new UndertowServletApi() {
        @Override
        public Object servletRequest(Object exchange) {
          return null;
        }

        @Override
        public ServletRoute route(Object exchange) {
          return null;
        }
      };

  /** The servlet request of the exchange; null if no servlet deployment handles it. */
  public abstract Object servletRequest(Object exchange);

  /**
   * The servlet route of a new request of the exchange, from the mapping the servlet deployment
   * matched (see {@link ServletHooks#route(Object)}); null if none or not a new request.
   */
  public abstract ServletRoute route(Object exchange);

  static UndertowServletApi of(Class<?> exchangeClass) {
    if (!exchangeClass.getName().equals(UndertowExchangeApi.EXCHANGE)) {
      return NONE;
    }
    try {
      ClassLoader agentLoader = UndertowServletApi.class.getClassLoader();
      if (Class.forName(UndertowExchangeApi.EXCHANGE, false, agentLoader) == exchangeClass) {
        return new UndertowServletRequests();
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // not visible to the agent's loader: a copy below
    }
    try {
      return AdapterLoader.copyBeside(
          exchangeClass.getClassLoader(), UndertowServletRequests.class, UndertowServletApi.class);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return NONE; // no undertow-servlet there (plain handlers), or no agent classes
    }
  }
}
