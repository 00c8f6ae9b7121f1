package io.github.statusexporter.instrumentation.vertx;

import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code Http2ServerStream.registerMetrics()}, called as the stream's request begins.
 */
final class StreamBegunAdvice {
  private StreamBegunAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.FieldValue("request") Object request) {
    if (request != null) {
      VertxHooks.begun(request);
    }
  }
}
