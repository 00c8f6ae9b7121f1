package io.github.statusexporter.it;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;

/**
 * An application on the JDK server that creates its contexts every way the API allows: a handler
 * class, a lambda, a context whose handler is set afterwards, and an HTTPS server. Arguments: HTTP
 * port, HTTPS port, a keystore made by TlsStatusServer.selfSignedKeystore, and optionally how many
 * milliseconds to wait before creating the servers (after the agent's start).
 */
public final class JdkServerApp {
  private JdkServerApp() {}

  static final class ClassHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
      respond(exchange, 200, "class");
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 3) {
      Thread.sleep(Long.parseLong(args[3]));
    }
    HttpServer http = HttpServer.create(new InetSocketAddress(Integer.parseInt(args[0])), 50);
    http.createContext("/class", new ClassHandler());
    http.createContext("/lambda", exchange -> respond(exchange, 201, "lambda"));
    HttpContext late = http.createContext("/late");
    late.setHandler(exchange -> respond(exchange, 503, "late"));
    http.start();

    HttpsServer https = HttpsServer.create(new InetSocketAddress(Integer.parseInt(args[1])), 50);
    https.setHttpsConfigurator(
        new HttpsConfigurator(TlsStatusServer.serverContext(Paths.get(args[2]))));
    https.createContext("/secure", exchange -> respond(exchange, 200, "secure"));
    https.start();
    System.out.println("jdk-server-app ready");
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
