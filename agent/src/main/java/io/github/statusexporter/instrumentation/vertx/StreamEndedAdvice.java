package io.github.statusexporter.instrumentation.vertx;

import net.bytebuddy.asm.Advice;

/** Woven into {@code Http2ServerStream.endWritten()}: the response's last frame was written. */
final class StreamEndedAdvice {
  private StreamEndedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.FieldValue("request") Object request) {
    if (request != null) {
      VertxHooks.completed(request);
    }
  }
}
