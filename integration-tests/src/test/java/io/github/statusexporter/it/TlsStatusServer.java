package io.github.statusexporter.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An https status endpoint with a self-signed certificate made by keytool, that answers only with
 * the right bearer token: what a third-party application's health endpoint looks like.
 */
final class TlsStatusServer implements AutoCloseable {
  static final String PASSWORD = "changeit";

  private final HttpsServer server;
  private final Path certificate;
  private volatile String body;

  TlsStatusServer(Path directory, String token, String body) throws Exception {
    this.body = body;
    Path keystore = selfSignedKeystore(directory);
    certificate = directory.resolve("ca.pem");
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keystore)));
    server.createContext(
        "/actuator/health",
        exchange ->
            answer(
                exchange,
                ("Bearer " + token)
                    .equals(exchange.getRequestHeaders().getFirst("Authorization"))));
    server.start();
  }

  private void answer(HttpExchange exchange, boolean authorized) throws IOException {
    byte[] bytes =
        (authorized ? body : "{\"error\": \"unauthorized\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(authorized ? 200 : 401, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  void answer(String body) {
    this.body = body;
  }

  String url() {
    return "https://localhost:" + server.getAddress().getPort() + "/actuator/health";
  }

  /** The server's certificate, which signs itself: the CA file a client must trust. */
  Path certificate() {
    return certificate;
  }

  /**
   * A PKCS12 keystore ({@link #PASSWORD}) with a self-signed certificate for localhost, and beside
   * it {@code ca.pem}, the certificate a client must trust.
   */
  static Path selfSignedKeystore(Path directory) throws Exception {
    Path keystore = directory.resolve("server.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "server",
        "-keystore",
        keystore.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        directory.resolve("ca.pem").toString());
    return keystore;
  }

  /** TLS for a server holding the key of a keystore made by {@link #selfSignedKeystore}. */
  static SSLContext serverContext(Path keystore) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keyManagers.getKeyManagers(), null, null);
    return tls;
  }

  private static void keytool(String... arguments) throws Exception {
    Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
