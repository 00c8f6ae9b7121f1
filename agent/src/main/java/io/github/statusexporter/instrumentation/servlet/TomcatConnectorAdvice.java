package io.github.statusexporter.instrumentation.servlet;

import net.bytebuddy.asm.Advice;

/**
 * Woven into Tomcat's {@code CoyoteAdapter.postParseRequest(coyote request, Request, coyote
 * response, Response)} (Tomcat 9 to 11), which maps a request and returns false when the connector
 * has answered it itself, so that it never reaches {@link TomcatAdvice}'s valve: those requests are
 * recorded here, the others there, each once.
 */
final class TomcatConnectorAdvice {
  private TomcatConnectorAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.Argument(1) Object request,
      @Advice.Argument(3) Object response,
      @Advice.Enter long start,
      @Advice.Return boolean passedOn) {
    if (!passedOn) {
      ServletHooks.answered(request, response, start);
    }
  }
}
