package io.github.statusexporter.instrumentation.netty;

import io.github.statusexporter.instrumentation.weaving.AdapterLoader;

/**
 * Records requests through Reactor Netty's public API. The adapter is the only class that names
 * netty types; where the agent's class loader does not see the server (a packaged Spring Boot jar),
 * a copy is defined next to it ({@link AdapterLoader}), which is why this class and what the
 * adapter calls are public.
 */
public abstract class NettyServerApi {
  private static final String SERVER_REQUEST = "reactor.netty.http.server.HttpServerRequest";

  /** For connections that carry no server request (clients, plain TCP): nothing is recorded. */
  private static final NettyServerApi NONE =
      new NettyServerApi() {
        @Override
        public void stateChanged(Object connection, Object state) {}

        @Override
        public void terminated(Object operations) {}

        @Override
        public void routed(Object route, Object request) {}

        @Override
        public void template(Object request, String context, String template) {}
      };

  /** Per request interface the agent's loader does not see: a copy of the adapter beside it. */
  private static final ClassValue<NettyServerApi> COPIES =
      new ClassValue<NettyServerApi>() {
        @Override
        protected NettyServerApi computeValue(Class<?> requestInterface) {
          return AdapterLoader.copyBesideOr(
              NONE,
              "Reactor Netty",
              requestInterface.getClassLoader(),
              ReactorNettyRequests.class,
              NettyServerApi.class);
        }
      };

  public abstract void stateChanged(Object connection, Object state);

  public abstract void terminated(Object operations);

  public abstract void routed(Object route, Object request);

  public abstract void template(Object request, String context, String template);

  static NettyServerApi of(Class<?> connectionClass) {
    Class<?> requestInterface = findInterface(connectionClass);
    if (requestInterface == null) {
      return NONE;
    }
    try {
      ClassLoader agentLoader = NettyServerApi.class.getClassLoader();
      if (Class.forName(SERVER_REQUEST, false, agentLoader) == requestInterface) {
        return new ReactorNettyRequests();
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
