package io.github.statusexporter.instrumentation.undertow;

import io.github.statusexporter.instrumentation.ServerRoutes;

/**
 * The routes of Undertow requests ({@link ServerRoutes}): the template of a {@code RoutingHandler}
 * ({@code /items/{id}}), else the user's route template the path matches, else the server's root.
 * (A servlet deployment's requests take their servlet's route instead.)
 */
public final class UndertowRoutes {
  private static final ServerRoutes.Current CURRENT = new ServerRoutes.Current();

  private UndertowRoutes() {}

  /** The routes, or null while the request metrics are not made. */
  public static ServerRoutes current() {
    return CURRENT.get();
  }
}
