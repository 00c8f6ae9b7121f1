package io.github.statusexporter.instrumentation.undertow;

import io.github.statusexporter.instrumentation.servlet.ServletHooks;
import io.github.statusexporter.instrumentation.servlet.ServletRoute;

/**
 * What the advice woven into Undertow calls. Its signatures name no Undertow type: the server may
 * be in a class loader the agent's does not see. The adapters are chosen once per class of
 * exchange.
 */
public final class UndertowHooks {
  private static final ClassValue<UndertowExchangeApi> EXCHANGES =
      new ClassValue<UndertowExchangeApi>() {
        @Override
        protected UndertowExchangeApi computeValue(Class<?> exchangeClass) {
          return UndertowExchangeApi.of(exchangeClass);
        }
      };

  private static final ClassValue<UndertowServletApi> SERVLETS =
      new ClassValue<UndertowServletApi>() {
        @Override
        protected UndertowServletApi computeValue(Class<?> exchangeClass) {
          return UndertowServletApi.of(exchangeClass);
        }
      };

  private UndertowHooks() {}

  /** The root handler is about to handle a request, or a later dispatch of it. */
  public static void rootHandler(Object exchange) {
    EXCHANGES.get(exchange.getClass()).rootHandler(exchange);
  }

  /** The exchange's start was stamped: the request begins. */
  public static void started(Object exchange) {
    EXCHANGES.get(exchange.getClass()).started(exchange);
  }

  /** The exchange completed: the request ends. */
  public static void completed(Object exchange) {
    EXCHANGES.get(exchange.getClass()).completed(exchange);
  }

  /** A servlet deployment mapped the request: its route, kept with the exchange. */
  public static void servletMapped(Object exchange) {
    ServletRoute route = SERVLETS.get(exchange.getClass()).route(exchange);
    if (route != null) {
      EXCHANGES.get(exchange.getClass()).servletRoute(exchange, route);
    }
  }

  /**
   * The servlet layer is about to dispatch a request: to its error page, whose handler (Spring
   * Boot's {@code /error}) would overwrite the template of the handler that failed.
   */
  public static void dispatching(Object exchange, Object dispatcherType) {
    if (dispatcherType instanceof Enum && ((Enum<?>) dispatcherType).name().equals("ERROR")) {
      Object request = SERVLETS.get(exchange.getClass()).servletRequest(exchange);
      if (request != null) {
        ServletHooks.errorPage(request);
      }
    }
  }

  /**
   * The servlet request of a servlet deployment's exchange; null for other exchanges. Public: the
   * exchange adapter, when copied, lives in another runtime package.
   */
  public static Object servletRequestOf(Object exchange) {
    return SERVLETS.get(exchange.getClass()).servletRequest(exchange);
  }
}
