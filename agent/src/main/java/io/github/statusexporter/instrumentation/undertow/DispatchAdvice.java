package io.github.statusexporter.instrumentation.undertow;

import net.bytebuddy.asm.Advice;

/**
 * Woven into Undertow's {@code ServletInitialHandler.dispatchRequest(HttpServerExchange,
 * ServletRequestContext, ServletChain, DispatcherType)}, which every dispatch passes: before it
 * sets the dispatcher type on the request, so only its argument tells an error page's.
 */
final class DispatchAdvice {
  private DispatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.Argument(0) Object exchange, @Advice.Argument(3) Object dispatcherType) {
    UndertowHooks.dispatching(exchange, dispatcherType);
  }
}
