package io.github.statusexporter.instrumentation.netty;

/**
 * What the advice woven into Reactor Netty, and the frameworks on it, calls. Its signatures name no
 * netty type: the server may be in a class loader the agent's does not see, and its adapter is
 * chosen once per class of connection.
 */
public final class NettyHooks {
  private static final ClassValue<NettyServerApi> APIS =
      new ClassValue<NettyServerApi>() {
        @Override
        protected NettyServerApi computeValue(Class<?> connectionClass) {
          return NettyServerApi.of(connectionClass);
        }
      };

  private NettyHooks() {}

  /** A connection observed by the server changed state; a request begins on one of them. */
  public static void stateChanged(Object connection, Object state) {
    APIS.get(connection.getClass()).stateChanged(connection, state);
  }

  /** Operations were disposed of: for a request's, the request ended. */
  public static void terminated(Object operations) {
    APIS.get(operations.getClass()).terminated(operations);
  }

  /** A route of {@code HttpServer.route(...)} took the request. */
  public static void routed(Object route, Object request) {
    APIS.get(request.getClass()).routed(route, request);
  }

  /**
   * A framework chose the handler of a request and names its route template.
   *
   * @param request the server's request (the framework's native request)
   * @param context the framework's base path ({@code spring.webflux.base-path}), "" if none
   * @param template the template, relative to the base path
   */
  public static void template(Object request, String context, String template) {
    APIS.get(request.getClass()).template(request, context, template);
  }
}
