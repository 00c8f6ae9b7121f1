package io.github.statusexporter.instrumentation.vertx;

import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code Http2ServerStream.onClose()}: after {@link StreamEndedAdvice}'s end, nothing is
 * left to record; before it, the stream was reset or its connection closed.
 */
final class StreamClosedAdvice {
  private StreamClosedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.FieldValue("request") Object request) {
    if (request != null) {
      VertxHooks.failed(request);
    }
  }
}
