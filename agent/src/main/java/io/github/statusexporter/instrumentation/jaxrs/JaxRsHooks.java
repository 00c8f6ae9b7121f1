package io.github.statusexporter.instrumentation.jaxrs;

import io.github.statusexporter.instrumentation.weaving.AdapterLoader;
import java.util.List;

/**
 * What the advice woven into JAX-RS implementations calls. Its signatures name no framework type,
 * so the woven code links whichever copy of the framework the application has; the adapter that
 * reads it is chosen once per copy.
 */
public final class JaxRsHooks {
  private static final ClassValue<MatchedTemplates> ADAPTERS =
      new ClassValue<MatchedTemplates>() {
        @Override
        protected MatchedTemplates computeValue(Class<?> processingContextClass) {
          return adapterFor(processingContextClass);
        }
      };

  /** The argument of the hooked method in the Jersey versions the adapter is written for. */
  private static final String PROCESSING_CONTEXT =
      "org.glassfish.jersey.server.internal.process.RequestProcessingContext";

  private JaxRsHooks() {}

  /**
   * Jersey is about to invoke the resource method it matched: its templates become the request's
   * route.
   */
  public static void resourceMethod(Object invoker, Object processingContext) {
    ADAPTERS.get(processingContext.getClass()).matched(invoker, processingContext);
  }

  /**
   * The agent's own adapter where its loader sees this copy of Jersey (an application on the class
   * path), else a copy of it beside Jersey (a Spring Boot fat jar, a web application).
   */
  static MatchedTemplates adapterFor(Class<?> processingContextClass) {
    if (!isReadable(processingContextClass)) {
      return MatchedTemplates.NONE;
    }
    try {
      ClassLoader agentLoader = JaxRsHooks.class.getClassLoader();
      if (Class.forName(processingContextClass.getName(), false, agentLoader)
          == processingContextClass) {
        return new JerseyTemplates();
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // not visible to the agent's loader: a copy below
    }
    // Without it, requests keep the route of Jersey's servlet mapping, as without this hook.
    return AdapterLoader.copyBesideOr(
        MatchedTemplates.NONE,
        "Jersey's route templates",
        processingContextClass.getClassLoader(),
        JerseyTemplates.class,
        MatchedTemplates.class);
  }

  /**
   * True if this copy of Jersey has what the adapter calls. Checked once per copy: a version that
   * had not would otherwise throw, and the advice swallow, a linkage error on every request.
   */
  private static boolean isReadable(Class<?> processingContextClass) {
    if (!processingContextClass.getName().equals(PROCESSING_CONTEXT)) {
      return false;
    }
    try {
      Class<?> request = processingContextClass.getMethod("request").getReturnType();
      request.getMethod("setProperty", String.class, Object.class);
      Class<?> uriInfo = request.getMethod("getUriInfo").getReturnType();
      return uriInfo.getMethod("getMatchedTemplates").getReturnType() == List.class;
    } catch (NoSuchMethodException | LinkageError e) {
      return false;
    }
  }
}
