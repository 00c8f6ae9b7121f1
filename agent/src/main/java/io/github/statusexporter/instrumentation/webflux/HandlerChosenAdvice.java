package io.github.statusexporter.instrumentation.webflux;

import net.bytebuddy.asm.Advice;

/** Woven into {@code DispatcherHandler.handleRequestWith(ServerWebExchange, Object)}. */
final class HandlerChosenAdvice {
  private HandlerChosenAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) Object exchange) {
    WebFluxHooks.handlerChosen(exchange);
  }
}
