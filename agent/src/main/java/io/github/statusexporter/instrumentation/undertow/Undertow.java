package io.github.statusexporter.instrumentation.undertow;

import io.github.statusexporter.instrumentation.weaving.Advised;
import io.github.statusexporter.instrumentation.weaving.Hook;

/**
 * Undertow's servlet deployments (Undertow 2.x: Spring Boot's Undertow starter, WildFly): the
 * servlet layer's handler, where each request enters its deployment once, after mapping, and where
 * the deployment sends a failed request to its error page.
 *
 * <p>The request is recorded from the servlet layer, with the servlet adapters every container
 * shares: its route (the framework's template, else the servlet mapping), its status, and its end
 * through an {@code AsyncListener} when it goes asynchronous. Requests that Undertow answers before
 * any deployment (plain handlers) are not recorded.
 */
public final class Undertow {
  /**
   * {@code ServletInitialHandler.handleFirstRequest(exchange, servletRequestContext)} runs the
   * filters and the servlet of a request's REQUEST dispatch, then its error page ({@code sendError}
   * or a thrown exception) and the end of its response, all before it returns; it runs again for
   * each ASYNC dispatch, which the servlet adapters tell apart. {@code dispatchRequest(exchange,
   * context, chain, dispatcherType)} takes every dispatch, the ERROR ones included.
   */
  public static final Hook SERVLET =
      new Hook(
          "Undertow",
          "io.undertow.servlet.handlers.ServletInitialHandler",
          UndertowHooks.class,
          new Advised(FirstRequestAdvice.class, "handleFirstRequest", 2),
          new Advised(DispatchAdvice.class, "dispatchRequest", 4));

  private Undertow() {}
}
