package io.github.statusexporter.instrumentation.netty;

import io.github.statusexporter.instrumentation.weaving.Advised;
import io.github.statusexporter.instrumentation.weaving.Hook;

/**
 * Reactor Netty's HTTP server (1.1 and 1.2; Spring WebFlux's default server): where a request
 * begins and where it ends, once, whatever the outcome. The hooks share a server name, so they are
 * woven together: a request begun unwoven is not counted, one begun woven always ends woven.
 */
public final class ReactorNetty {
  /** The advice and the class it calls are named here: see {@link Hook}. */
  private static final String PACKAGE = ReactorNetty.class.getPackageName() + ".";

  /**
   * Each request is handed to the application from {@code HttpServerHandle.onStateChange} with the
   * state {@code REQUEST_RECEIVED}. A handler may answer inside that call, so the request begins at
   * its entry.
   */
  public static final Hook REQUEST_RECEIVED =
      new Hook(
          "Reactor Netty",
          "reactor.netty.http.server.HttpServer$HttpServerHandle",
          PACKAGE + "NettyHooks",
          new Advised(PACKAGE + "RequestReceivedAdvice", "onStateChange", 2));

  /**
   * {@code ChannelOperations.terminate()} disposes of a request's operations once, after its last
   * write completed, on an error, or when the client went away; it calls {@code
   * afterInboundComplete()} inside its once-only guard, which the server's operations do not
   * override. The client's and plain TCP operations pass here too, and are told apart by class.
   */
  public static final Hook OPERATIONS_TERMINATED =
      new Hook(
          "Reactor Netty",
          "reactor.netty.channel.ChannelOperations",
          PACKAGE + "NettyHooks",
          new Advised(PACKAGE + "OperationsTerminatedAdvice", "afterInboundComplete", 0));

  /**
   * {@code HttpServer.route(...)}: the route that took the request, whose path template ({@code
   * /hello/{name}}) its public {@code HttpRouteHandlerMetadata.getPath()} gives. The parameter
   * count also matches the erased bridge {@code apply(Object, Object)}, which delegates to the
   * typed method: the template is then given twice, the same.
   */
  public static final Hook ROUTED =
      new Hook(
          "Reactor Netty",
          "reactor.netty.http.server.DefaultHttpServerRoutes$HttpRouteHandler",
          PACKAGE + "NettyHooks",
          new Advised(PACKAGE + "RoutedAdvice", "apply", 2));

  private ReactorNetty() {}
}
