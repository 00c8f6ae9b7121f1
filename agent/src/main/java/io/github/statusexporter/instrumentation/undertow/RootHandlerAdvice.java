package io.github.statusexporter.instrumentation.undertow;

import net.bytebuddy.asm.Advice;

/** Woven into Undertow's {@code Connectors.executeRootHandler(HttpHandler, HttpServerExchange)}. */
final class RootHandlerAdvice {
  private RootHandlerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(1) Object exchange) {
    UndertowHooks.rootHandler(exchange);
  }
}
