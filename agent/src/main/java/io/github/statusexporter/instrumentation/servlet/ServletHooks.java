package io.github.statusexporter.instrumentation.servlet;

/**
 * What the advice woven into servlet containers calls. Its signatures name no servlet type, so the
 * woven code links whichever servlet API (javax or jakarta) the container uses; the matching
 * adapter is chosen once per request class.
 */
public final class ServletHooks {
  private static final ClassValue<ServletApi> APIS =
      new ClassValue<ServletApi>() {
        @Override
        protected ServletApi computeValue(Class<?> requestClass) {
          return ServletApi.of(requestClass);
        }
      };

  private ServletHooks() {}

  /** A request enters the container; returns its start time, or 0 when it is not recorded. */
  public static long enter(Object request) {
    return APIS.get(request.getClass()).enter(request);
  }

  /** The container's handling of a request that {@link #enter} started has returned. */
  public static void exit(Object request, Object response, long start, Throwable thrown) {
    if (start != 0) {
      APIS.get(request.getClass()).exit(request, response, start, thrown);
    }
  }
}
