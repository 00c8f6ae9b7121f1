package io.github.statusexporter.instrumentation.undertow;

import io.github.statusexporter.instrumentation.weaving.Advised;
import io.github.statusexporter.instrumentation.weaving.Hook;

/**
 * Undertow 2 (Spring Boot's Undertow starter, embedded Undertow): every request is recorded once,
 * from its exchange's start to its completion, whatever handles it; a servlet deployment only names
 * the route. The hooks share a server name, so they are woven together.
 */
public final class Undertow {
  /** The advice and the class it calls are named here: see {@link Hook}. */
  private static final String PACKAGE = Undertow.class.getPackageName() + ".";

  /**
   * {@code Connectors.setRequestStartTime(exchange)} stamps a request's start, which the exchange
   * keeps: the protocol listeners call it when the server records start times (an access log needs
   * them), else the agent does, from {@code executeRootHandler}, the entry of every request's
   * handlers (and of each later dispatch of it, which finds the start stamped). The two-exchange
   * form copies an upgraded request's start into its HTTP/2 exchange, which begins then.
   */
  public static final Hook CONNECTORS =
      new Hook(
          "Undertow",
          "io.undertow.server.Connectors",
          PACKAGE + "UndertowHooks",
          new Advised(PACKAGE + "RootHandlerAdvice", "executeRootHandler", 2),
          new Advised(PACKAGE + "StartTimeAdvice", "setRequestStartTime", 1),
          new Advised(PACKAGE + "StartTimeCopiedAdvice", "setRequestStartTime", 2));

  /**
   * {@code HttpServerExchange.invokeExchangeCompleteListeners()}: once both the request and the
   * response are done, or the exchange was ended on an error or an abort; its listener count, made
   * -1 on the first call, tells the first.
   */
  public static final Hook EXCHANGE =
      new Hook(
          "Undertow",
          "io.undertow.server.HttpServerExchange",
          PACKAGE + "UndertowHooks",
          new Advised(PACKAGE + "ExchangeCompleteAdvice", "invokeExchangeCompleteListeners", 0));

  /**
   * A servlet deployment's handler: {@code handleFirstRequest(exchange, servletRequestContext)}
   * takes a request's REQUEST dispatch (and each ASYNC one), mapped; {@code
   * dispatchRequest(exchange, context, chain, dispatcherType)} every dispatch, the ERROR ones
   * (error pages) included.
   */
  public static final Hook SERVLET =
      new Hook(
          "Undertow",
          "io.undertow.servlet.handlers.ServletInitialHandler",
          PACKAGE + "UndertowHooks",
          new Advised(PACKAGE + "FirstRequestAdvice", "handleFirstRequest", 2),
          new Advised(PACKAGE + "DispatchAdvice", "dispatchRequest", 4));

  private Undertow() {}
}
