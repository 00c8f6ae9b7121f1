package io.github.statusexporter.instrumentation.servlet;

import io.github.statusexporter.instrumentation.RouteRecorder;
import io.github.statusexporter.instrumentation.weaving.AdapterLoader;

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
        public ServletRoute enter(Object request) {
          return null;
        }

        @Override
        public ServletRoute enter(Object request, String pattern) {
          return null;
        }

        @Override
        public ServletRoute route(Object request) {
          return null;
        }

        @Override
        public RouteRecorder recorder(Object request, ServletRoute route, int status) {
          return null;
        }

        @Override
        public void errorPage(Object request) {}

        @Override
        public void exit(
            Object request, Object response, ServletRoute route, long start, Throwable thrown) {}

        @Override
        public void answered(Object request, Object response, long start) {}

        @Override
        public void answered(Object request, Object response, String contextPath, long start) {}
      };

  /**
   * Per servlet API the agent's loader does not see, by its request interface: a copy of the
   * adapter beside it. Kept with that class, so it goes when its loader goes.
   */
  private static final ClassValue<ServletApi> COPIES =
      new ClassValue<ServletApi>() {
        @Override
        protected ServletApi computeValue(Class<?> requestInterface) {
          return copy(requestInterface);
        }
      };

  /**
   * The request attribute that marks a request gone asynchronous, counted until it completes: a
   * container may dispatch it again through the hooked method.
   */
  static final String ASYNC = "io.github.statusexporter.asynchronous";

  /**
   * The request attribute where Spring MVC puts the pattern of the handler it chose ({@code
   * /hello/{name}}, without the context path), a string; set again by each dispatch it handles.
   */
  static final String SPRING_MVC_TEMPLATE =
      "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  /**
   * The request attribute where the agent's hook in a framework that dispatches behind one servlet
   * (JAX-RS) puts the template of the resource it matched, as a string without the context path or
   * the servlet's own path ({@code /users/{id}}), as Spring MVC does its pattern.
   */
  public static final String MATCHED_TEMPLATE = "io.github.statusexporter.matchedTemplate";

  /**
   * The request attribute that keeps the framework's template as it was when the container sent the
   * request to an error page, whose own handler (Spring Boot's {@code /error}) sets another.
   */
  static final String TEMPLATE_BEFORE_ERROR_PAGE = "io.github.statusexporter.template";

  /**
   * In {@link #TEMPLATE_BEFORE_ERROR_PAGE}: no framework had chosen a handler. Public, unlike the
   * string constants, which the compiler copies into the adapters: a copy of an adapter is in
   * another class loader, so not in this package at run time.
   */
  public static final Object NO_TEMPLATE = Boolean.FALSE;

  /** Counts the request as active and returns its route; null if not recorded. */
  public abstract ServletRoute enter(Object request);

  /**
   * As {@link #enter(Object)}, for a container that names the pattern of the mapping it matched
   * before it sets it on the request (Jetty 9.4 to 11): {@code /items/*}, {@code *.jsp}, {@code /};
   * empty when no servlet took the request.
   */
  public abstract ServletRoute enter(Object request, String pattern);

  /**
   * For a container that records requests itself and asks the servlet layer only for their route
   * (Undertow): the route of the servlet mapping of a new request, counted nowhere; null for
   * forwards, includes, error pages and async dispatches.
   */
  public abstract ServletRoute route(Object request);

  /**
   * As {@link #route(Object)}, with the mapping the container matched given as its parts (its
   * {@code MappingMatch}, pattern and servlet name) rather than read from the request: Undertow's
   * {@code getHttpServletMapping()} makes a new object on every call. An adapter that cannot use
   * them asks the request.
   */
  public ServletRoute route(
      Object request, Object mappingMatch, String pattern, String servletName) {
    return route(request);
  }

  /**
   * The recorder of a request of {@code route} that ended with {@code status}: the framework's
   * template if it named one (as it was before an error page), else the mapping's.
   */
  public abstract RouteRecorder recorder(Object request, ServletRoute route, int status);

  /** The container is about to send the request to an error page. */
  public abstract void errorPage(Object request);

  public abstract void exit(
      Object request, Object response, ServletRoute route, long start, Throwable thrown);

  /** Records a whole request that the container answered itself, before any web application. */
  public abstract void answered(Object request, Object response, long start);

  /**
   * Records a whole request that a context answered itself, before any servlet, if it did (its
   * response is committed): Jetty 9.4 to 11's redirect of the context's own path to its root. The
   * route is the context's path.
   */
  public abstract void answered(Object request, Object response, String contextPath, long start);

  /** The status the client gets: an exception escaping the container means 500, if still can. */
  public static int status(int status, boolean committed, Throwable thrown) {
    return thrown != null && !committed ? 500 : status;
  }

  static ServletApi of(Class<?> requestClass) {
    Class<?> requestInterface = findInterface(requestClass, JAKARTA);
    if (requestInterface == null) {
      requestInterface = findInterface(requestClass, JAVAX);
    }
    return requestInterface == null ? NONE : adapter(requestInterface);
  }

  /** The adapter written for the servlet API of this request interface. */
  private static Class<? extends ServletApi> adapterClass(Class<?> requestInterface) {
    return requestInterface.getName().equals(JAKARTA) ? JakartaRequests.class : JavaxRequests.class;
  }

  /**
   * The adapter for this servlet API; for servlet 3 (Jetty 9.4, Tomcat 8.5), which has no mapping
   * to name a route by, one that records only where the container names the pattern itself.
   */
  private static ServletApi adapter(Class<?> requestInterface) {
    ServletApi adapter = ownOrCopy(requestInterface);
    return hasServletMappings(requestInterface) || adapter == NONE
        ? adapter
        : new ServletApiWithoutMappings(adapter);
  }

  /** The agent's own adapter if its loader sees this servlet API, else a copy beside the API. */
  private static ServletApi ownOrCopy(Class<?> requestInterface) {
    try {
      ClassLoader agentLoader = ServletApi.class.getClassLoader();
      if (Class.forName(requestInterface.getName(), false, agentLoader) == requestInterface) {
        return adapterClass(requestInterface).getDeclaredConstructor().newInstance();
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // not visible to the agent's loader: a copy below
    } catch (ReflectiveOperationException e) {
      return NONE;
    }
    return COPIES.get(requestInterface);
  }

  private static ServletApi copy(Class<?> requestInterface) {
    return AdapterLoader.copyBesideOr(
        NONE,
        "the servlet API (" + requestInterface.getName() + ")",
        requestInterface.getClassLoader(),
        adapterClass(requestInterface),
        ServletApi.class);
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
