package io.github.statusexporter.instrumentation.servlet;

import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * Woven into Jetty 12's {@code ContextHandler.handleMovedPermanently(request, response, callback)},
 * where a context answers its own path with a redirect to its root ({@code /shop} to {@code
 * /shop/}, 301) before any servlet sees the request, so before {@link JettyAdvice}'s method.
 * Inlined into Jetty's class, it may name Jetty's core types, which are the same in every Jetty 12;
 * it hands the agent only strings and numbers.
 */
final class JettyContextRedirectAdvice {
  private JettyContextRedirectAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.This ContextHandler context,
      @Advice.Argument(0) Request request,
      @Advice.Argument(1) Response response,
      @Advice.Enter long start) {
    ServletHooks.redirectedToContextRoot(
        context,
        context.getContextPath(),
        request.getMethod(),
        request.isSecure(),
        response.getStatus(),
        start);
  }
}
