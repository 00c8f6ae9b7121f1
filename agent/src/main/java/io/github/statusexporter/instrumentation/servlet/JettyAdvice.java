package io.github.statusexporter.instrumentation.servlet;

import net.bytebuddy.asm.Advice;

/**
 * Woven into Jetty 12's {@code ServletHandler.MappedServlet.handle(handler, path, request,
 * response)} (ee10, jakarta): each dispatch to a mapped servlet, its filters included, and to
 * Jetty's default 404 servlet when nothing matched.
 */
final class JettyAdvice {
  private JettyAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.Argument(2) Object request, @Advice.Local("start") long start) {
    Object recorder = ServletHooks.enter(request);
    start = System.nanoTime();
    return recorder;
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  static void exit(
      @Advice.Argument(2) Object request,
      @Advice.Argument(3) Object response,
      @Advice.Enter Object recorder,
      @Advice.Local("start") long start,
      @Advice.Thrown Throwable thrown) {
    ServletHooks.exit(request, response, recorder, start, thrown);
  }
}
