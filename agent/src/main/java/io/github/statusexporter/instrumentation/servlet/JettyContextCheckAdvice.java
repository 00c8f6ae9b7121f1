package io.github.statusexporter.instrumentation.servlet;

import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * Woven into Jetty 9.4 to 11's {@code ContextHandler.checkContext(target, baseRequest, response)},
 * where a context answers its own path with a redirect to its root ({@code /shop} to {@code
 * /shop/}, 302) before its servlet handler, so before {@link JettyScopeAdvice}'s method. Of Jetty's
 * own types it names only {@code ContextHandler.getContextPath()}, the same method in Jetty 9.4 to
 * 12 (this class is compiled against 12's); the request and response are the servlet API's.
 */
final class JettyContextCheckAdvice {
  private JettyContextCheckAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.This ContextHandler context,
      @Advice.Argument(0) String target,
      @Advice.Argument(1) Object request,
      @Advice.Argument(2) Object response,
      @Advice.Return boolean passedOn,
      @Advice.Enter long start) {
    // Refused for a target that is the context's own path: the redirect to its root, if the
    // context answered (not a request another context or handler takes instead).
    if (!passedOn) {
      String contextPath = context.getContextPath();
      if (target.equals(contextPath)) {
        ServletHooks.contextAnswered(request, response, contextPath, start);
      }
    }
  }
}
