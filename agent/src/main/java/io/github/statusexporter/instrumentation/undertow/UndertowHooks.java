package io.github.statusexporter.instrumentation.undertow;

import io.github.statusexporter.instrumentation.servlet.ServletHooks;

/**
 * What the advice woven into Undertow calls. Its signatures name no Undertow type: the server may
 * be in a class loader the agent's does not see. Undertow hands its servlet layer a {@code
 * ServletRequestContext}, whose request and response the servlet adapters record as on any
 * container.
 */
public final class UndertowHooks {
  private static final ClassValue<UndertowServletApi> APIS =
      new ClassValue<UndertowServletApi>() {
        @Override
        protected UndertowServletApi computeValue(Class<?> contextClass) {
          return UndertowServletApi.of(contextClass);
        }
      };

  private UndertowHooks() {}

  /** A dispatch enters the servlet layer: for a new request, its route; else null. */
  public static Object enter(Object requestContext) {
    Object request = APIS.get(requestContext.getClass()).request(requestContext);
    return request == null ? null : ServletHooks.enter(request);
  }

  /** The servlet layer's handling of a dispatch returned. */
  public static void exit(Object requestContext, Object route, long start, Throwable thrown) {
    if (route != null) {
      UndertowServletApi api = APIS.get(requestContext.getClass());
      ServletHooks.exit(
          api.request(requestContext), api.response(requestContext), route, start, thrown);
    }
  }

  /**
   * The servlet layer is about to dispatch a request: to its error page, whose handler (Spring
   * Boot's {@code /error}) would overwrite the template of the handler that failed.
   */
  public static void dispatching(Object requestContext, Object dispatcherType) {
    if (dispatcherType instanceof Enum && ((Enum<?>) dispatcherType).name().equals("ERROR")) {
      Object request = APIS.get(requestContext.getClass()).request(requestContext);
      if (request != null) {
        ServletHooks.errorPage(request);
      }
    }
  }
}
