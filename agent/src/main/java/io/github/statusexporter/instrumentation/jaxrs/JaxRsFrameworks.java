package io.github.statusexporter.instrumentation.jaxrs;

import io.github.statusexporter.instrumentation.weaving.Advised;
import io.github.statusexporter.instrumentation.weaving.Hook;

/** The JAX-RS implementations whose matched resource templates name the route. */
public final class JaxRsFrameworks {
  /** The advice and the class it calls are named here: see {@link Hook}. */
  private static final String PACKAGE = JaxRsFrameworks.class.getPackageName() + ".";

  /**
   * Jersey 2 (javax) and 3 (jakarta): every resource method is invoked through a {@code
   * ResourceMethodInvoker}, once routing has matched its templates; the class and the method are
   * the same in both.
   */
  public static final Hook JERSEY =
      new Hook(
          "Jersey",
          "org.glassfish.jersey.server.model.ResourceMethodInvoker",
          PACKAGE + "JaxRsHooks",
          new Advised(PACKAGE + "JerseyAdvice", "apply", 1));

  private JaxRsFrameworks() {}
}
