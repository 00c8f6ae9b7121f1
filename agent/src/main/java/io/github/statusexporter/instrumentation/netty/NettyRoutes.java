package io.github.statusexporter.instrumentation.netty;

import io.github.statusexporter.instrumentation.ServerRoutes;

/**
 * The routes of Reactor Netty requests ({@link ServerRoutes}): a framework's template with its base
 * path ({@code /hello/{name}}, Spring WebFlux's with {@code spring.webflux.base-path}), else the
 * user's route template the path matches, else the server's root.
 */
public final class NettyRoutes {
  private static final ServerRoutes.Current CURRENT = new ServerRoutes.Current();

  private NettyRoutes() {}

  /** The routes, or null while the request metrics are not made. */
  public static ServerRoutes current() {
    return CURRENT.get();
  }

  /** The raw path of a request URI: without the query, and without scheme and host if absolute. */
  static String path(String uri) {
    int start = 0;
    if (!uri.startsWith("/")) {
      int scheme = uri.indexOf("://");
      start = scheme < 0 ? 0 : uri.indexOf('/', scheme + 3);
      if (start < 0) {
        return "/";
      }
    }
    int query = uri.indexOf('?', start);
    int end = query < 0 ? uri.length() : query;
    return start == 0 && end == uri.length() ? uri : uri.substring(start, end);
  }
}
