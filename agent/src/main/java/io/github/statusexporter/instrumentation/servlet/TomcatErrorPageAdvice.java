package io.github.statusexporter.instrumentation.servlet;

import net.bytebuddy.asm.Advice;

/**
 * Woven into Tomcat's {@code StandardHostValve.custom(Request, Response, ErrorPage)} (Tomcat 9 to
 * 11), where a failed request is forwarded to its error page, inside the request that {@link
 * TomcatAdvice} measures: the error page's handler (Spring Boot's {@code /error}) would overwrite
 * the template of the handler that failed, which is the request's route.
 */
final class TomcatErrorPageAdvice {
  private TomcatErrorPageAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) Object request) {
    ServletHooks.errorPage(request);
  }
}
