package io.github.statusexporter.instrumentation.vertx;

import io.github.statusexporter.instrumentation.weaving.AdapterLoader;

/**
 * Records requests through Vert.x's public API. The adapter is the only class that names Vert.x
 * types; where the agent's class loader does not see Vert.x (an application server, a launcher of
 * its own), a copy is defined next to it ({@link AdapterLoader}), which is why this class and what
 * the adapter calls are public.
 */
public abstract class VertxServerApi {
  private static final String SERVER_REQUEST = "io.vertx.core.http.HttpServerRequest";

  /**
   * For what is no server request (an HTTP/2 stream's pushed response, {@code
   * Http2ServerConnection$Push}): nothing is recorded.
   */
  private static final VertxServerApi NONE =
      new VertxServerApi() {
        @Override
        public void begun(Object request) {}

        @Override
        public void ended(Object request) {}

        @Override
        public void template(Object request, String template) {}
      };

  /** Per request interface the agent's loader does not see: a copy of the adapter beside it. */
  private static final ClassValue<VertxServerApi> COPIES =
      new ClassValue<VertxServerApi>() {
        @Override
        protected VertxServerApi computeValue(Class<?> requestInterface) {
          return AdapterLoader.copyBesideOr(
              NONE,
              "Vert.x",
              requestInterface.getClassLoader(),
              VertxRequests.class,
              VertxServerApi.class);
        }
      };

  public abstract void begun(Object request);

  /** Its response completed, or it failed: recorded by the first of these only. */
  public abstract void ended(Object request);

  /** The template of the route that took it, the last one winning. */
  public abstract void template(Object request, String template);

  static VertxServerApi of(Class<?> requestClass) {
    Class<?> requestInterface = findInterface(requestClass);
    if (requestInterface == null) {
      return NONE;
    }
    try {
      ClassLoader agentLoader = VertxServerApi.class.getClassLoader();
      if (Class.forName(SERVER_REQUEST, false, agentLoader) == requestInterface) {
        return new VertxRequests();
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // not visible to the agent's loader: a copy below
    }
    return COPIES.get(requestInterface);
  }

  private static Class<?> findInterface(Class<?> type) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      for (Class<?> implemented : current.getInterfaces()) {
        if (implemented.getName().equals(SERVER_REQUEST)) {
          return implemented;
        }
        Class<?> inherited = findInterface(implemented);
        if (inherited != null) {
          return inherited;
        }
      }
    }
    return null;
  }
}
