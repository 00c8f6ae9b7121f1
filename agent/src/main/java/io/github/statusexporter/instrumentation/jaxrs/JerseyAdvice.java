package io.github.statusexporter.instrumentation.jaxrs;

import net.bytebuddy.asm.Advice;

/**
 * Woven into Jersey's {@code ResourceMethodInvoker.apply(RequestProcessingContext)}, which runs a
 * matched resource method: on entry, before the method can throw or go asynchronous.
 */
final class JerseyAdvice {
  private JerseyAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object invoker, @Advice.Argument(0) Object processingContext) {
    JaxRsHooks.resourceMethod(invoker, processingContext);
  }
}
