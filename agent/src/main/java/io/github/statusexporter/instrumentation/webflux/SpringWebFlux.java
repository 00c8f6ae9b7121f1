package io.github.statusexporter.instrumentation.webflux;

import io.github.statusexporter.instrumentation.weaving.Advised;
import io.github.statusexporter.instrumentation.weaving.Hook;

/** Spring WebFlux (Spring 6 and 7): the template of the handler it chose for a request. */
public final class SpringWebFlux {
  /**
   * {@code DispatcherHandler.handleRequestWith(ServerWebExchange, Object)} (private) runs once a
   * handler mapping chose the handler and put its pattern in the exchange: annotated controllers,
   * functional routes, static resources ({@code /**}).
   */
  public static final Hook HANDLER_CHOSEN =
      new Hook(
          "Spring WebFlux",
          "org.springframework.web.reactive.DispatcherHandler",
          WebFluxHooks.class,
          new Advised(HandlerChosenAdvice.class, "handleRequestWith", 2));

  private SpringWebFlux() {}
}
