package io.github.statusexporter.instrumentation.vertx;

import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code Http1xServerRequest.handleBegin(boolean, boolean)}, once it made the response.
 */
final class RequestBegunAdvice {
  private RequestBegunAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This Object request) {
    VertxHooks.begun(request);
  }
}
