package io.github.statusexporter.instrumentation.undertow;

import net.bytebuddy.asm.Advice;

/** Woven into Undertow's {@code Connectors.setRequestStartTime(HttpServerExchange)}. */
final class StartTimeAdvice {
  private StartTimeAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Argument(0) Object exchange) {
    UndertowHooks.started(exchange);
  }
}
