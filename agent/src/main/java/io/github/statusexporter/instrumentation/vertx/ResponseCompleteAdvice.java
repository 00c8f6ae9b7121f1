package io.github.statusexporter.instrumentation.vertx;

import net.bytebuddy.asm.Advice;

/** Woven into {@code Http1xServerConnection.responseComplete()}. */
final class ResponseCompleteAdvice {
  private ResponseCompleteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.FieldValue("responseInProgress") Object request) {
    if (request != null) {
      VertxHooks.completed(request);
    }
  }
}
