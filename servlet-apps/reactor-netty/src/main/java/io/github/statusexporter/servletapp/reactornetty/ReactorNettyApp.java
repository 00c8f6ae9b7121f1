package io.github.statusexporter.servletapp.reactornetty;

import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A Reactor Netty HTTP server with routes and no framework, as its users write one: path templates,
 * a handler that fails, a streamed answer, a WebSocket that echoes what it receives. Usage: {@code
 * java -jar reactor-netty-app.jar PORT}.
 */
public final class ReactorNettyApp {
  private ReactorNettyApp() {}

  public static void main(String[] args) {
    DisposableServer server =
        HttpServer.create()
            .port(Integer.parseInt(args[0]))
            .route(
                routes ->
                    routes
                        .get(
                            "/hello/{name}",
                            (request, response) ->
                                response.sendString(
                                    Mono.just("hello " + request.param("name") + "\n")))
                        .get(
                            "/fail/{code}",
                            (request, response) -> {
                              throw new IllegalStateException("fails on purpose");
                            })
                        .get(
                            "/stream/{count}",
                            (request, response) ->
                                response.sendString(
                                    Flux.range(0, Integer.parseInt(request.param("count")))
                                        .delayElements(Duration.ofMillis(50))
                                        .map(i -> "element " + i + "\n")))
                        .ws("/echo/{room}", (in, out) -> out.sendString(in.receive().asString())))
            .bindNow();
    System.out.println("reactor-netty-app ready on port " + server.port());
    server.onDispose().block();
  }
}
