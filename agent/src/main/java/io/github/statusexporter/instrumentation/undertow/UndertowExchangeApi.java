package io.github.statusexporter.instrumentation.undertow;

import io.github.statusexporter.instrumentation.servlet.ServletRoute;
import io.github.statusexporter.instrumentation.weaving.AdapterLoader;

/**
 * Records Undertow's exchanges. The adapter is the only class that names Undertow's core types;
 * where the agent's class loader does not see Undertow (a packaged Spring Boot jar), a copy is
 * defined next to it ({@link AdapterLoader}), which is why this class is public.
 */
public abstract class UndertowExchangeApi {
  static final String EXCHANGE = "io.undertow.server.HttpServerExchange";

  /** For exchanges the agent cannot read: nothing is recorded. */
  private static final UndertowExchangeApi NONE =
      new UndertowExchangeApi() {
        @Override
        public void rootHandler(Object exchange) {}

        @Override
        public void started(Object exchange) {}

        @Override
        public void completed(Object exchange) {}

        @Override
        public void servletRoute(Object exchange, ServletRoute route) {}
      };

  public abstract void rootHandler(Object exchange);

  public abstract void started(Object exchange);

  public abstract void completed(Object exchange);

  public abstract void servletRoute(Object exchange, ServletRoute route);

  static UndertowExchangeApi of(Class<?> exchangeClass) {
    if (!exchangeClass.getName().equals(EXCHANGE)) {
      return NONE; // final in Undertow 2: nothing else is an exchange
    }
    try {
      ClassLoader agentLoader = UndertowExchangeApi.class.getClassLoader();
      if (Class.forName(EXCHANGE, false, agentLoader) == exchangeClass) {
        return new UndertowExchanges();
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // not visible to the agent's loader: a copy below
    }
    return AdapterLoader.copyBesideOr(
        NONE,
        "Undertow",
        exchangeClass.getClassLoader(),
        UndertowExchanges.class,
        UndertowExchangeApi.class);
  }
}
