package io.github.statusexporter.instrumentation.vertx;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The route template of a Vert.x web route where it is mounted: the mount point of its router and
 * the route's path as the user wrote it ({@code /api} and {@code /users/:id} give {@code
 * /api/users/:id}), which is also what OpenTelemetry reports. Joined once per route and mount point
 * and kept, so that a request's routing allocates nothing.
 */
final class RouteTemplates {
  /**
   * Past this many, templates are joined anew for each request rather than kept: only an
   * application that makes routers per request gets there, and the memory stays bounded.
   */
  private static final int MAX_KEPT = 4096;

  /** By mount point ("" for the root router), then route. */
  private final ConcurrentHashMap<String, ConcurrentHashMap<Object, String>> byMountPoint =
      new ConcurrentHashMap<>();

  /** The template of the route; null for a route with neither path nor regex (a filter). */
  String template(String mountPoint, Object route, String path, boolean exactPath, Object pattern) {
    if (path == null && pattern == null) {
      return null; // router.route().handler(...): every request passes, it names none
    }
    String mount = mountPoint == null ? "" : mountPoint;
    ConcurrentHashMap<Object, String> byRoute = byMountPoint.get(mount);
    if (byRoute == null) {
      if (byMountPoint.size() >= MAX_KEPT) {
        return join(mount, path, exactPath, pattern);
      }
      byRoute = byMountPoint.computeIfAbsent(mount, key -> new ConcurrentHashMap<>());
    }
    String template = byRoute.get(route);
    if (template == null) {
      template = join(mount, path, exactPath, pattern);
      if (byRoute.size() < MAX_KEPT) {
        byRoute.putIfAbsent(route, template);
      }
    }
    return template;
  }

  /**
   * The route's path with its {@code *} if a prefix, else its regex as written (what Vert.x names
   * such a route), after the mount point.
   */
  static String join(String mountPoint, String path, boolean exactPath, Object pattern) {
    String own = path != null ? (exactPath ? path : path + "*") : pattern.toString();
    if (mountPoint.endsWith("/") && own.startsWith("/")) {
      return mountPoint + own.substring(1);
    }
    return mountPoint + own;
  }
}
