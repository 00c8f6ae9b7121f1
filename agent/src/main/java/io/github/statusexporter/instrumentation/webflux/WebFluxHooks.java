package io.github.statusexporter.instrumentation.webflux;

import io.github.statusexporter.instrumentation.weaving.AdapterLoader;

/**
 * What the advice woven into Spring WebFlux calls. Its signature names no Spring type; the adapter,
 * the only class that does, is chosen once per class of exchange: the agent's own where its loader
 * sees Spring, else a copy beside Spring's ({@link AdapterLoader}).
 */
public final class WebFluxHooks {
  private static final String EXCHANGE = "org.springframework.web.server.ServerWebExchange";

  private static final ClassValue<WebFluxExchanges> ADAPTERS =
      new ClassValue<WebFluxExchanges>() {
        @Override
        protected WebFluxExchanges computeValue(Class<?> exchangeClass) {
          return adapter(exchangeClass);
        }
      };

  private WebFluxHooks() {}

  /** The dispatcher chose the handler of the exchange's request. */
  public static void handlerChosen(Object exchange) {
    ADAPTERS.get(exchange.getClass()).handlerChosen(exchange);
  }

  private static WebFluxExchanges adapter(Class<?> exchangeClass) {
    Class<?> exchangeInterface = findInterface(exchangeClass);
    if (exchangeInterface == null) {
      return WebFluxExchanges.NONE;
    }
    try {
      if (Class.forName(EXCHANGE, false, WebFluxHooks.class.getClassLoader())
          == exchangeInterface) {
        return new SpringWebFluxExchanges();
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // not visible to the agent's loader: a copy below
    }
    return AdapterLoader.copyBesideOr(
        WebFluxExchanges.NONE,
        "Spring WebFlux",
        exchangeInterface.getClassLoader(),
        SpringWebFluxExchanges.class,
        WebFluxExchanges.class);
  }

  private static Class<?> findInterface(Class<?> type) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      for (Class<?> implemented : current.getInterfaces()) {
        if (implemented.getName().equals(EXCHANGE)) {
          return implemented;
        }
        Class<?> inherited = findInterface(implemented);
        if (inherited != null) {
          return inherited;
        }
      }
    }
    return null;
  }
}
