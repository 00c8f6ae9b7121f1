package io.github.statusexporter.instrumentation.undertow;

import net.bytebuddy.asm.Advice;

/**
 * Woven into Undertow's {@code Connectors.setRequestStartTime(HttpServerExchange existing,
 * HttpServerExchange newExchange)}: an upgraded request goes on in a new exchange.
 */
final class StartTimeCopiedAdvice {
  private StartTimeCopiedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Argument(1) Object newExchange) {
    UndertowHooks.started(newExchange);
  }
}
