package io.github.statusexporter.instrumentation.webflux;

import io.github.statusexporter.instrumentation.weaving.Advised;
import io.github.statusexporter.instrumentation.weaving.Hook;

/** Spring WebFlux (Spring 6 and 7): the template of the handler it chose for a request. */
public final class SpringWebFlux {
  /** The advice and the class it calls are named here: see {@link Hook}. */
  private static final String PACKAGE = SpringWebFlux.class.getPackageName() + ".";

  /**
   * {@code DispatcherHandler.handleRequestWith(ServerWebExchange, Object)} (private) runs once a
   * handler mapping chose the handler and put its pattern in the exchange: annotated controllers,
   * functional routes, static resources ({@code /**}).
   */
  public static final Hook HANDLER_CHOSEN =
      new Hook(
          "Spring WebFlux",
          "org.springframework.web.reactive.DispatcherHandler",
          PACKAGE + "WebFluxHooks",
          new Advised(PACKAGE + "HandlerChosenAdvice", "handleRequestWith", 2));

  private SpringWebFlux() {}
}
