package io.github.statusexporter.servletapp.webflux;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A plain Spring Boot 3 WebFlux application on Reactor Netty, as a user writes one: annotated
 * controllers with path templates, one that throws, one that answers later, one that streams, a
 * functional route, Actuator's health endpoint, and a filter that refuses {@code /admin/} before
 * any handler is chosen.
 */
@SpringBootApplication
@RestController
public class SpringBoot3WebFluxApp {
  /** Elements of the stream of {@code /stream/{n}} are this far apart. */
  private static final Duration STREAM_PERIOD = Duration.ofMillis(50);

  public static void main(String[] args) {
    SpringApplication.run(SpringBoot3WebFluxApp.class, args);
  }

  @GetMapping("/hello/{name}")
  public Mono<String> hello(@PathVariable("name") String name) {
    return Mono.just("hello " + name + "\n");
  }

  @GetMapping("/fail/{code}")
  public Mono<String> fail(@PathVariable("code") String code) {
    throw new IllegalStateException("fails on purpose: " + code);
  }

  /** Answers after {@code millis} milliseconds, without holding a thread. */
  @GetMapping("/slow/{millis}")
  public Mono<String> slow(@PathVariable("millis") long millis) {
    return Mono.delay(Duration.ofMillis(millis)).map(tick -> "slow " + millis + "\n");
  }

  /** Server-sent events: {@code count} elements, 50 ms apart. */
  @GetMapping(value = "/stream/{count}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public Flux<String> stream(@PathVariable("count") int count) {
    // Not Flux.interval, which fails the stream when the response is written slower than it ticks.
    return Flux.range(0, count).delayElements(STREAM_PERIOD).map(i -> "element " + i);
  }

  /**
   * Refuses {@code /admin/...} with 403 before WebFlux chooses a handler, as Spring Security does.
   */
  @Bean
  WebFilter adminGate() {
    return (exchange, chain) -> {
      if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/admin/")) {
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        return exchange.getResponse().setComplete();
      }
      return chain.filter(exchange);
    };
  }

  @Bean
  RouterFunction<ServerResponse> functionalRoutes() {
    return RouterFunctions.route(
        GET("/fn/{id}"),
        request -> ServerResponse.ok().bodyValue("fn " + request.pathVariable("id") + "\n"));
  }
}
