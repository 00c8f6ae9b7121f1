package io.github.statusexporter.instrumentation.undertow;

import net.bytebuddy.asm.Advice;

/** Woven into Undertow's {@code HttpServerExchange.invokeExchangeCompleteListeners()}. */
final class ExchangeCompleteAdvice {
  private ExchangeCompleteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.This Object exchange,
      @Advice.FieldValue("exchangeCompletionListenersCount") int listeners) {
    // -1 once the listeners have been invoked: the exchange completed already.
    if (listeners >= 0) {
      UndertowHooks.completed(exchange);
    }
  }
}
