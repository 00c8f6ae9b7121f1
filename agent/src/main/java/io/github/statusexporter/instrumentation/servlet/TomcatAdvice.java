package io.github.statusexporter.instrumentation.servlet;

import net.bytebuddy.asm.Advice;

/**
 * Woven into Tomcat's {@code StandardHostValve.invoke(Request, Response)} (Tomcat 9 to 11): every
 * request enters its web application there, after mapping and before filters, and error pages are
 * rendered before it returns.
 */
final class TomcatAdvice {
  private TomcatAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.Argument(0) Object request, @Advice.Local("start") long start) {
    Object recorder = ServletHooks.enter(request);
    start = System.nanoTime();
    return recorder;
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  static void exit(
      @Advice.Argument(0) Object request,
      @Advice.Argument(1) Object response,
      @Advice.Enter Object recorder,
      @Advice.Local("start") long start,
      @Advice.Thrown Throwable thrown) {
    ServletHooks.exit(request, response, recorder, start, thrown);
  }
}
