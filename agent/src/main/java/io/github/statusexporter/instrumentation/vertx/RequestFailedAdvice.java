package io.github.statusexporter.instrumentation.vertx;

import net.bytebuddy.asm.Advice;

/** Woven into {@code Http1xServerRequest.handleException(Throwable)}. */
final class RequestFailedAdvice {
  private RequestFailedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object request) {
    VertxHooks.failed(request);
  }
}
