package io.github.statusexporter.instrumentation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The distinct route values that have series of their own, up to a cap. Routes come from the
 * application's contexts, servlet mappings and framework templates, which are few; a framework that
 * put raw paths in its templates, or an application that made a context per tenant, would make
 * series without bound. Past the cap, new routes fold into {@link #FOLDED}.
 */
final class RouteCap {
  /**
   * The route of requests whose own route came past the cap. OpenTelemetry's {@code _OTHER}, as for
   * unknown methods: no real route can take it, since routes start with a slash or are empty.
   */
  static final String FOLDED = "_OTHER";

  private final int max;
  private final Set<String> admitted = ConcurrentHashMap.newKeySet();

  RouteCap(int max) {
    this.max = max;
  }

  /** True if the route has, or now gets, series of its own; false once the cap is reached. */
  boolean admits(String route) {
    if (admitted.contains(route)) {
      return true;
    }
    synchronized (this) {
      if (admitted.size() >= max) {
        return false;
      }
      admitted.add(route);
      return true;
    }
  }

  int max() {
    return max;
  }
}
