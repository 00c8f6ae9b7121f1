package io.github.statusexporter.instrumentation.netty;

import net.bytebuddy.asm.Advice;

/**
 * Woven into {@code DefaultHttpServerRoutes$HttpRouteHandler.apply(HttpServerRequest,
 * HttpServerResponse)}, before the route's handler runs.
 */
final class RoutedAdvice {
  private RoutedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object route, @Advice.Argument(0) Object request) {
    NettyHooks.routed(route, request);
  }
}
