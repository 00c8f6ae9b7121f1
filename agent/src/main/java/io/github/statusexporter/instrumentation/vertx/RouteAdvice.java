package io.github.statusexporter.instrumentation.vertx;

import io.vertx.ext.web.RoutingContext;
import net.bytebuddy.asm.Advice;

/**
 * Woven into vertx-web's {@code RouteState.handleContext(RoutingContextImplBase)} and {@code
 * handleFailure}: reads the route's own fields (its path without a trailing {@code *}, whether it
 * had one, its regex) and the context's public API, which this class's loader sees.
 */
final class RouteAdvice {
  private RouteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.This Object route,
      @Advice.Argument(0) RoutingContext context,
      @Advice.FieldValue("path") String path,
      @Advice.FieldValue("exactPath") boolean exactPath,
      @Advice.FieldValue("pattern") Object pattern) {
    VertxHooks.routed(context.request(), context.mountPoint(), route, path, exactPath, pattern);
  }
}
