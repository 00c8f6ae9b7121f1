package io.github.statusexporter.instrumentation.netty;

import net.bytebuddy.asm.Advice;

/** Woven into {@code ChannelOperations.afterInboundComplete()}, called once per operations. */
final class OperationsTerminatedAdvice {
  private OperationsTerminatedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object operations) {
    NettyHooks.terminated(operations);
  }
}
