package io.github.statusexporter.instrumentation.vertx;

import io.github.statusexporter.instrumentation.ServerRoutes;

/**
 * The routes of Vert.x requests ({@link ServerRoutes}): the template of the last Vert.x web route
 * with a path that ran a handler for the request, with its mount point ({@code /api/users/:id}),
 * else the user's route template the path matches, else the server's root (vertx-web's 404, a
 * server without vertx-web).
 */
public final class VertxRoutes {
  private static final ServerRoutes.Current CURRENT = new ServerRoutes.Current();

  private VertxRoutes() {}

  /** The routes, or null while the request metrics are not made. */
  public static ServerRoutes current() {
    return CURRENT.get();
  }
}
