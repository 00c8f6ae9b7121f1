package io.github.statusexporter.instrumentation.jaxrs;

/**
 * Hands the templates a JAX-RS implementation matched for a request to the servlet hook, which
 * records the request when it ends. Public, as what it calls: a copy of an adapter is in another
 * class loader, so not in this package at run time.
 */
public abstract class MatchedTemplates {
  /** For a copy of the framework the agent cannot read: its requests keep their servlet route. */
  static final MatchedTemplates NONE =
      new MatchedTemplates() {
        @Override
        public void matched(Object invoker, Object processingContext) {}
      };

  /** The framework is about to invoke a resource method through {@code invoker}. */
  public abstract void matched(Object invoker, Object processingContext);
}
