package io.github.statusexporter.instrumentation.netty;

import net.bytebuddy.asm.Advice;

/** Woven into {@code HttpServer$HttpServerHandle.onStateChange(Connection, State)}. */
final class RequestReceivedAdvice {
  private RequestReceivedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) Object connection, @Advice.Argument(1) Object state) {
    NettyHooks.stateChanged(connection, state);
  }
}
