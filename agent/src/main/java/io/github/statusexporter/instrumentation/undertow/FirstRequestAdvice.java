package io.github.statusexporter.instrumentation.undertow;

import net.bytebuddy.asm.Advice;

/**
 * Woven into Undertow's {@code ServletInitialHandler.handleFirstRequest(HttpServerExchange,
 * ServletRequestContext)}: a request's REQUEST dispatch (and each ASYNC one), error page included.
 */
final class FirstRequestAdvice {
  private FirstRequestAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.Argument(1) Object context, @Advice.Local("start") long start) {
    Object route = UndertowHooks.enter(context);
    start = System.nanoTime();
    return route;
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  static void exit(
      @Advice.Argument(1) Object context,
      @Advice.Enter Object route,
      @Advice.Local("start") long start,
      @Advice.Thrown Throwable thrown) {
    UndertowHooks.exit(context, route, start, thrown);
  }
}
