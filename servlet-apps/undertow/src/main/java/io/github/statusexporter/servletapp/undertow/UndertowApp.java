package io.github.statusexporter.servletapp.undertow;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An Undertow server of plain handlers, no servlets, as its users write one: a routing handler with
 * path templates, a handler that throws, a blocking one dispatched to a worker thread that answers
 * after the milliseconds asked, and one that streams its answer in chunks. Usage: {@code java -jar
 * undertow-app.jar PORT}.
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
                            }))
                    .get("/stream/{count}", new BlockingHandler(UndertowApp::stream)))
            .build();
    server.start();
    System.out.println("undertow-app ready on port " + args[0]);
  }

  /** {@code count} lines ({@code chunk 0}, ...), each sent on its own, 50 ms apart. */
  private static void stream(HttpServerExchange exchange) throws Exception {
    int count = Math.min(1_000, Integer.parseInt(param(exchange, "count")));
    OutputStream out = exchange.getOutputStream();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        Thread.sleep(50);
      }
      // Throws once the client has gone away, which ends the exchange.
      out.write(("chunk " + i + "\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
  }

  private static String param(HttpServerExchange exchange, String name) {
    return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get(name);
  }
}
