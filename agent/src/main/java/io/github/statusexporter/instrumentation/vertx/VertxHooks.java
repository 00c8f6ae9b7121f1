package io.github.statusexporter.instrumentation.vertx;

/**
 * What the advice woven into Vert.x calls. Its signatures name no Vert.x type: the server may be in
 * a class loader the agent's does not see, and its adapter is chosen once per class of request.
 */
public final class VertxHooks {
  private static final ClassValue<VertxServerApi> APIS =
      new ClassValue<VertxServerApi>() {
        @Override
        protected VertxServerApi computeValue(Class<?> requestClass) {
          return VertxServerApi.of(requestClass);
        }
      };

  private static final RouteTemplates TEMPLATES = new RouteTemplates();

  private VertxHooks() {}

  /** A request began: its response exists, nothing of it was sent yet. */
  public static void begun(Object request) {
    APIS.get(request.getClass()).begun(request);
  }

  /** The request's response was handed whole to its connection. */
  public static void completed(Object request) {
    APIS.get(request.getClass()).ended(request);
  }

  /**
   * The request's connection failed, the client went away, or its HTTP/2 stream closed: an end, if
   * its response did not complete before.
   */
  public static void failed(Object request) {
    APIS.get(request.getClass()).ended(request);
  }

  /**
   * A route of Vert.x web runs one of its handlers for a request.
   *
   * @param request the request as the routing context has it (vertx-web's wrapper of the server's)
   * @param mountPoint where the route's router is mounted, null for the root router
   * @param route the route's state, which identifies it (one per route and configuration)
   * @param path the route's path, without the {@code *} of a prefix; null without one
   * @param exactPath false for a prefix ({@code /api/*})
   * @param pattern the route's regex, for a regex route; null without one
   */
  public static void routed(
      Object request,
      String mountPoint,
      Object route,
      String path,
      boolean exactPath,
      Object pattern) {
    String template = TEMPLATES.template(mountPoint, route, path, exactPath, pattern);
    if (template != null) {
      APIS.get(request.getClass()).template(request, template);
    }
  }
}
