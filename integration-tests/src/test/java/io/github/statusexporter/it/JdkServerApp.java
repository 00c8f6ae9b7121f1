package io.github.statusexporter.it;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An application on the JDK server that creates its contexts every way the API allows: a handler
 * class, a lambda, a context whose handler is set afterwards, and an HTTPS server. Arguments: HTTP
 * port, HTTPS port, PKCS12 keystore, its password.
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
    HttpServer http = HttpServer.create(new InetSocketAddress(Integer.parseInt(args[0])), 50);
    http.createContext("/class", new ClassHandler());
    http.createContext("/lambda", exchange -> respond(exchange, 201, "lambda"));
    HttpContext late = http.createContext("/late");
    late.setHandler(exchange -> respond(exchange, 503, "late"));
    http.start();

    HttpsServer https = HttpsServer.create(new InetSocketAddress(Integer.parseInt(args[1])), 50);
    https.setHttpsConfigurator(new HttpsConfigurator(tls(args[2], args[3].toCharArray())));
    https.createContext("/secure", exchange -> respond(exchange, 200, "secure"));
    https.start();
    System.out.println("jdk-server-app ready");
  }

  private static SSLContext tls(String keystore, char[] password) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Paths.get(keystore))) {
      keys.load(in, password);
    }
    KeyManagerFactory managers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, password);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(managers.getKeyManagers(), null, null);
    return tls;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
