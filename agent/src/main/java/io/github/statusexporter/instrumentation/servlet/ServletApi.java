package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.RequestRecording;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Records servlet requests through one servlet API, javax or jakarta. The adapters are the only
 * classes that name servlet types. Where the agent's class loader sees the container's servlet API
 * (a container embedded in the application), the agent's own adapter classes serve; elsewhere a
 * copy defined next to the container's API ({@link AdapterLoader}), which is why this class, its
 * adapters and what they call are public.
 */
public abstract class ServletApi {
  private static final String JAKARTA = "jakarta.servlet.http.HttpServletRequest";
  private static final String JAVAX = "javax.servlet.http.HttpServletRequest";

  /** For requests of no servlet API the agent can use: nothing is recorded. */
  private static final ServletApi NONE =
      new ServletApi() {
        @Override
        public long enter(Object request) {
          return 0;
        }

        @Override
        public void exit(Object request, Object response, long start, Throwable thrown) {}
      };

  /**
   * Per class loader holding a servlet API the agent's loader does not see: its adapter. The
   * adapter keeps its loader alive; such loaders live as long as their container anyway.
   */
  private static final Map<ClassLoader, ServletApi> COPIES = new WeakHashMap<>();

  /** Returns the start time, or 0 when the request is not recorded. */
  public abstract long enter(Object request);

  public abstract void exit(Object request, Object response, long start, Throwable thrown);

  /** The status the client gets: an exception escaping the container means 500, if still can. */
  public static int status(int status, boolean committed, Throwable thrown) {
    return thrown != null && !committed ? 500 : status;
  }

  /** The agent's own reads of a status page served by the application are not its load. */
  public static boolean isAgentRead(String path, String userAgent) {
    return RequestRecording.isAgentReadPath(path) && RequestRecording.isAgentUserAgent(userAgent);
  }

  static ServletApi of(Class<?> requestClass) {
    Class<?> jakarta = findInterface(requestClass, JAKARTA);
    if (jakarta != null) {
      return adapter(jakarta, JakartaRequests.class);
    }
    Class<?> javax = findInterface(requestClass, JAVAX);
    if (javax != null) {
      return adapter(javax, JavaxRequests.class);
    }
    return NONE;
  }

  /** The agent's own adapter if its loader sees this servlet API, else a copy beside the API. */
  private static ServletApi adapter(Class<?> requestInterface, Class<? extends ServletApi> own) {
    if (!hasServletMappings(requestInterface)) {
      return NONE; // servlet 3 (Tomcat 8.5, Jetty 9): no mapping pattern to name the route by
    }
    try {
      ClassLoader agentLoader = ServletApi.class.getClassLoader();
      if (Class.forName(requestInterface.getName(), false, agentLoader) == requestInterface) {
        return own.getDeclaredConstructor().newInstance();
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // not visible to the agent's loader: a copy below
    } catch (ReflectiveOperationException e) {
      return NONE;
    }
    return copy(requestInterface.getClassLoader(), own.getName());
  }

  private static ServletApi copy(ClassLoader servletApiLoader, String adapterName) {
    synchronized (COPIES) {
      return COPIES.computeIfAbsent(
          servletApiLoader,
          loader -> {
            try {
              return (ServletApi)
                  Class.forName(adapterName, true, new AdapterLoader(loader, adapterName))
                      .getDeclaredConstructor()
                      .newInstance();
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
              return NONE; // that loader does not see the agent's classes: not measured
            }
          });
    }
  }

  private static boolean hasServletMappings(Class<?> requestInterface) {
    try {
      requestInterface.getMethod("getHttpServletMapping");
      return true;
    } catch (NoSuchMethodException e) {
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
