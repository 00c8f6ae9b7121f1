package io.github.statusexporter.instrumentation.webflux;

import io.github.statusexporter.instrumentation.netty.NettyHooks;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Hands the pattern of the handler WebFlux chose ({@code /hello/{name}}, a {@link PathPattern}
 * whose string is kept, so nothing is made per request) to the server under it, with the base path.
 */
public final class SpringWebFluxExchanges extends WebFluxExchanges {
  /**
   * HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, as text: the constant is computed at run time,
   * from the class's name, and this one has stayed the same since Spring 5.
   */
  private static final String BEST_MATCHING_PATTERN =
      "org.springframework.web.reactive.HandlerMapping.bestMatchingPattern";

  @Override
  public void handlerChosen(Object exchange) {
    ServerWebExchange webExchange = (ServerWebExchange) exchange;
    Object pattern = webExchange.getAttributes().get(BEST_MATCHING_PATTERN);
    if (!(pattern instanceof PathPattern)) {
      return;
    }
    ServerHttpRequest request = webExchange.getRequest();
    // The server's own request, under any decorator or mutate() of a filter; on servlet
    // containers, a servlet request, which the netty hooks do not take.
    Object serverRequest = ServerHttpRequestDecorator.getNativeRequest(request);
    NettyHooks.template(
        serverRequest,
        request.getPath().contextPath().value(),
        ((PathPattern) pattern).getPatternString());
  }
}
