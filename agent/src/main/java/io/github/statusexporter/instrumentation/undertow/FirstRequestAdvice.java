package io.github.statusexporter.instrumentation.undertow;

import net.bytebuddy.asm.Advice;

/**
 * Woven into Undertow's {@code ServletInitialHandler.handleFirstRequest(HttpServerExchange,
 * ServletRequestContext)}, where a servlet request's dispatch begins, mapped. Its end is not the
 * request's: the exchange may complete inside it, or long after (asynchronous requests).
 */
final class FirstRequestAdvice {
  private FirstRequestAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) Object exchange) {
    UndertowHooks.servletMapped(exchange);
  }
}
