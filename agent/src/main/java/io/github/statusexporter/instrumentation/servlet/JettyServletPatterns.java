package io.github.statusexporter.instrumentation.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * The pattern of the servlet mapping that a Jetty 9.4 to 11 {@code ServletHandler} matches for a
 * target, asked of the handler itself, as its {@code doScope} does: Jetty 9.4's request (servlet
 * 3.1) has no mapping to ask, and 10 and 11 set theirs only inside that method. The handler's
 * lookup differs by version ({@code getMatchedServlet(String)}, a {@code MatchedResource}, from
 * 9.4.4x on; before, only {@code getMappedServlet(String)}, a {@code MappedResource}), which no one
 * advice could name, so the three calls are found once per handler class, by name; each answer has
 * {@code getPathSpec()}, a {@code PathSpec} with its {@code getDeclaration()}.
 */
final class JettyServletPatterns {
  private static final MethodType MAPPED =
      MethodType.methodType(Object.class, Object.class, String.class);
  private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
  private static final MethodType DECLARATION = MethodType.methodType(String.class, Object.class);

  private static final ClassValue<JettyServletPatterns> BY_HANDLER_CLASS =
      new ClassValue<JettyServletPatterns>() {
        @Override
        protected JettyServletPatterns computeValue(Class<?> handlerClass) {
          return of(handlerClass);
        }
      };

  /** For a handler class whose methods are not the expected ones: no pattern, nothing recorded. */
  private static final JettyServletPatterns NONE = new JettyServletPatterns(null, null, null);

  private final MethodHandle mappedServlet;
  private final MethodHandle pathSpec;
  private final MethodHandle declaration;

  private JettyServletPatterns(
      MethodHandle mappedServlet, MethodHandle pathSpec, MethodHandle declaration) {
    this.mappedServlet = mappedServlet;
    this.pathSpec = pathSpec;
    this.declaration = declaration;
  }

  /**
   * The pattern the handler maps {@code target} to ({@code /items/*}, {@code *.jsp}, {@code /}, and
   * {@code /} for the context's root, which Jetty declares as {@code ""}); empty when no servlet
   * takes it; null when this handler cannot tell.
   */
  static String pattern(Object servletHandler, String target) {
    return BY_HANDLER_CLASS.get(servletHandler.getClass()).find(servletHandler, target);
  }

  private String find(Object servletHandler, String target) {
    if (mappedServlet == null) {
      return null;
    }
    try {
      Object mapped = (Object) mappedServlet.invokeExact(servletHandler, target);
      Object spec = mapped == null ? null : (Object) pathSpec.invokeExact(mapped);
      if (spec == null) {
        return "";
      }
      String declared = (String) declaration.invokeExact(spec);
      return declared.isEmpty() ? "/" : declared;
    } catch (Throwable e) {
      return null; // not recorded: the request goes on as if there were no agent
    }
  }

  /**
   * The one its {@code doScope} calls, where there is one: it returns null where nothing matches
   * and makes one match object (as {@code doScope} does); {@code getMappedServlet} of 9.4.4x and
   * later wraps that in one more, and of 10 and 11 throws where nothing matches.
   */
  private static Method lookupOf(Class<?> handlerClass) throws NoSuchMethodException {
    try {
      return handlerClass.getMethod("getMatchedServlet", String.class);
    } catch (NoSuchMethodException e) {
      return handlerClass.getMethod("getMappedServlet", String.class);
    }
  }

  private static JettyServletPatterns of(Class<?> handlerClass) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Method mapped = lookupOf(handlerClass);
      Method pathSpec = mapped.getReturnType().getMethod("getPathSpec");
      Method declaration = pathSpec.getReturnType().getMethod("getDeclaration");
      return new JettyServletPatterns(
          lookup.unreflect(mapped).asType(MAPPED),
          lookup.unreflect(pathSpec).asType(GETTER),
          lookup.unreflect(declaration).asType(DECLARATION));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return NONE;
    }
  }
}
