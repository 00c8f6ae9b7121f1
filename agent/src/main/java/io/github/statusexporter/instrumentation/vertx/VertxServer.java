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
  /** The advice and the class it calls are named here: see {@link Hook}. */
  private static final String PACKAGE = VertxServer.class.getPackageName() + ".";

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
          PACKAGE + "VertxHooks",
          new Advised(PACKAGE + "RequestBegunAdvice", "handleBegin", 2),
          // Vert.x 5.0: handleBegin(boolean keepAlive)
          new Advised(PACKAGE + "RequestBegunAdvice", "handleBegin", 1),
          new Advised(PACKAGE + "RequestFailedAdvice", "handleException", 1));

  /**
   * {@code Http1xServerConnection.responseComplete()}: the response of the request in progress was
   * handed whole to the connection ({@code end()}, or {@code close()}), from whatever thread; off
   * the event loop it calls itself again on the loop, which then finds the request ended already.
   */
  public static final Hook HTTP1_CONNECTION =
      new Hook(
          SERVER,
          "io.vertx.core.http.impl.Http1xServerConnection",
          PACKAGE + "VertxHooks",
          new Advised(PACKAGE + "ResponseCompleteAdvice", "responseComplete", 0));

  /**
   * An HTTP/2 stream (h2c, or h2 over TLS), one per request: {@code registerMetrics()} when its
   * headers arrived, {@code endWritten()} when its response's last frame was written, {@code
   * onClose()} when the stream closed, reset or not.
   */
  public static final Hook HTTP2_STREAM =
      new Hook(
          SERVER,
          "io.vertx.core.http.impl.Http2ServerStream",
          PACKAGE + "VertxHooks",
          new Advised(PACKAGE + "StreamBegunAdvice", "registerMetrics", 0),
          new Advised(PACKAGE + "StreamEndedAdvice", "endWritten", 0),
          new Advised(PACKAGE + "StreamClosedAdvice", "onClose", 0));

  /**
   * Vert.x web's {@code RouteState.handleContext(RoutingContextImplBase)} (and {@code
   * handleFailure}) runs each handler of a route that matched, in a sub-router with the context
   * whose {@code mountPoint()} says where that router is mounted: the last route with a path wins.
   */
  public static final Hook ROUTE =
      new Hook(
          SERVER,
          "io.vertx.ext.web.impl.RouteState",
          PACKAGE + "VertxHooks",
          new Advised(PACKAGE + "RouteAdvice", "handleContext", 1),
          new Advised(PACKAGE + "RouteAdvice", "handleFailure", 1));

  private VertxServer() {}
}
