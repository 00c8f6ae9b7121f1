package io.github.statusexporter.instrumentation.webflux;

/** Reads a WebFlux exchange; public because a copy of its adapter lives in another class loader. */
public abstract class WebFluxExchanges {
  /** For exchanges of no Spring the agent can use: nothing is read. */
  static final WebFluxExchanges NONE =
      new WebFluxExchanges() {
        @Override
        public void handlerChosen(Object exchange) {}
      };

  public abstract void handlerChosen(Object exchange);
}
