package io.github.statusexporter.instrumentation.servlet;

import net.bytebuddy.asm.Advice;

/**
 * Woven into Jetty 9.4 to 11's {@code ServletHandler.doScope(target, baseRequest, request,
 * response)}: each dispatch into a servlet context, once its context and session are in scope and
 * before its security handler, its filters and its servlet, so that a 401 from the context's own
 * security handler is recorded with the servlet's route, as on Tomcat. The mapping is not yet on
 * the request there: the handler is asked for it.
 */
final class JettyScopeAdvice {
  private JettyScopeAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @Advice.This Object handler,
      @Advice.Argument(0) String target,
      @Advice.Argument(2) Object request,
      @Advice.Local("start") long start) {
    Object route = ServletHooks.enterScope(handler, target, request);
    start = System.nanoTime();
    return route;
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  static void exit(
      @Advice.Argument(2) Object request,
      @Advice.Argument(3) Object response,
      @Advice.Enter Object route,
      @Advice.Local("start") long start,
      @Advice.Thrown Throwable thrown) {
    ServletHooks.exit(request, response, route, start, thrown);
  }
}
