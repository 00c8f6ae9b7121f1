package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.RequestRecording;

/**
 * Records servlet requests through one servlet API, javax or jakarta. The adapters are the only
 * classes that name servlet types; they are used only where the agent's class loader sees the same
 * API classes as the container, as it does for a container embedded in the application.
 */
abstract class ServletApi {
  private static final String JAKARTA = "jakarta.servlet.http.HttpServletRequest";
  private static final String JAVAX = "javax.servlet.http.HttpServletRequest";

  /** For requests of no servlet API the agent can use: nothing is recorded. */
  private static final ServletApi NONE =
      new ServletApi() {
        @Override
        long enter(Object request) {
          return 0;
        }

        @Override
        void exit(Object request, Object response, long start, Throwable thrown) {}
      };

  /** Returns the start time, or 0 when the request is not recorded. */
  abstract long enter(Object request);

  abstract void exit(Object request, Object response, long start, Throwable thrown);

  /** The status the client gets: an exception escaping the container means 500, if still can. */
  static int status(int status, boolean committed, Throwable thrown) {
    return thrown != null && !committed ? 500 : status;
  }

  /** The agent's own reads of a status page served by the application are not its load. */
  static boolean isAgentRead(String path, String userAgent) {
    return RequestRecording.isAgentReadPath(path) && RequestRecording.isAgentUserAgent(userAgent);
  }

  static ServletApi of(Class<?> requestClass) {
    if (usable(requestClass, JAKARTA)) {
      return new JakartaRequests();
    }
    if (usable(requestClass, JAVAX)) {
      return new JavaxRequests();
    }
    return NONE;
  }

  /** True if the request class implements the interface the agent's own loader sees by the name. */
  private static boolean usable(Class<?> requestClass, String interfaceName) {
    Class<?> implemented = findInterface(requestClass, interfaceName);
    if (implemented == null) {
      return false;
    }
    try {
      return Class.forName(interfaceName, false, ServletApi.class.getClassLoader()) == implemented;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static Class<?> findInterface(Class<?> type, String name) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      for (Class<?> implemented : current.getInterfaces()) {
        if (implemented.getName().equals(name)) {
          return implemented;
        }
        Class<?> inherited = findInterface(implemented, name);
        if (inherited != null) {
          return inherited;
        }
      }
    }
    return null;
  }
}
