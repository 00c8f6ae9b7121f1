package io.github.statusexporter.servletapp.undertow;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;

/**
 * An Undertow server of plain handlers, no servlets, as its users write one: a routing handler with
 * path templates, a handler that throws, a blocking one dispatched to a worker thread that answers
 * after the milliseconds asked. Usage: {@code java -jar undertow-app.jar PORT}.
 */
public final class UndertowApp {
  private UndertowApp() {}

  public static void main(String[] args) {
    Undertow server =
        Undertow.builder()
            .addHttpListener(Integer.parseInt(args[0]), "localhost")
            .setHandler(
                Handlers.routing()
                    .get(
                        "/items/{id}",
                        exchange -> {
                          exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                          exchange.getResponseSender().send("item " + param(exchange, "id") + "\n");
                        })
                    .get(
                        "/fail/{code}",
                        exchange -> {
                          throw new IllegalStateException("fails on purpose");
                        })
                    .get(
                        "/slow/{millis}",
                        new BlockingHandler(
                            exchange -> {
                              Thread.sleep(
                                  Math.min(5_000, Long.parseLong(param(exchange, "millis"))));
                              exchange.getOutputStream().write("slow\n".getBytes());
                            })))
            .build();
    server.start();
    System.out.println("undertow-app ready on port " + args[0]);
  }

  private static String param(HttpServerExchange exchange, String name) {
    return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get(name);
  }
}
