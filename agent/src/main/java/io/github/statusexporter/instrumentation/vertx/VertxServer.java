package io.github.statusexporter.instrumentation.vertx;

import io.github.statusexporter.instrumentation.weaving.Advised;
import io.github.statusexporter.instrumentation.weaving.Hook;

/**
 * The HTTP server of Vert.x 4.5 and 5.0 (vertx-core), and the routes of Vert.x web: where a request
 * begins, where it ends, once, whatever the outcome, and the route that took it. These are the call
 * sites of Vert.x's own metrics SPI, hooked at methods that run whether or not Vert.x metrics are
 * enabled ({@code -Dvertx.disableMetrics=true}), so a user's Micrometer metrics are neither needed
 * nor replaced. A WebSocket is its handshake's request, 101, ended once the handshake is sent.
 */
public final class VertxServer {
  private static final String SERVER = "Vert.x";

  /**
   * An HTTP/1.x request: {@code handleBegin(boolean, boolean)} makes its response, once per request
   * (a pipelined one begins only once the one before it is complete); {@code
   * handleException(Throwable)} is how the connection tells its requests in flight that it failed
   * or that the client went away.
   */
  public static final Hook HTTP1_REQUEST =
      new Hook(
          SERVER,
          "io.vertx.core.http.impl.Http1xServerRequest",
          VertxHooks.class,
          new Advised(RequestBegunAdvice.class, "handleBegin", 2),
          // Vert.x 5.0: handleBegin(boolean keepAlive)
          new Advised(RequestBegunAdvice.class, "handleBegin", 1),
          new Advised(RequestFailedAdvice.class, "handleException", 1));

  /**
   * {@code Http1xServerConnection.responseComplete()}: the response of the request in progress was
   * handed whole to the connection ({@code end()}, or {@code close()}), from whatever thread; off
   * the event loop it calls itself again on the loop, which then finds the request ended already.
   */
  public static final Hook HTTP1_CONNECTION =
      new Hook(
          SERVER,
          "io.vertx.core.http.impl.Http1xServerConnection",
          VertxHooks.class,
          new Advised(ResponseCompleteAdvice.class, "responseComplete", 0));

  /**
   * An HTTP/2 stream (h2c, or h2 over TLS), one per request: {@code registerMetrics()} when its
   * headers arrived, {@code endWritten()} when its response's last frame was written, {@code
   * onClose()} when the stream closed, reset or not.
   */
  public static final Hook HTTP2_STREAM =
      new Hook(
          SERVER,
          "io.vertx.core.http.impl.Http2ServerStream",
          VertxHooks.class,
          new Advised(StreamBegunAdvice.class, "registerMetrics", 0),
          new Advised(StreamEndedAdvice.class, "endWritten", 0),
          new Advised(StreamClosedAdvice.class, "onClose", 0));

  /**
   * Vert.x web's {@code RouteState.handleContext(RoutingContextImplBase)} (and {@code
   * handleFailure}) runs each handler of a route that matched, in a sub-router with the context
   * whose {@code mountPoint()} says where that router is mounted: the last route with a path wins.
   */
  public static final Hook ROUTE =
      new Hook(
          SERVER,
          "io.vertx.ext.web.impl.RouteState",
          VertxHooks.class,
          new Advised(RouteAdvice.class, "handleContext", 1),
          new Advised(RouteAdvice.class, "handleFailure", 1));

  private VertxServer() {}
}
