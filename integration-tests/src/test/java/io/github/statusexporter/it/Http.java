package io.github.statusexporter.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** What the tests do over HTTP, as a user's curl or Prometheus would. */
final class Http {
  static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  static final String PROTOBUF =
      "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  static HttpResponse<String> get(String url) {
    return get(url, null);
  }

  static HttpResponse<String> get(String url, String accept) {
    return get(url, accept, Duration.ofSeconds(10));
  }

  /** With a longer wait, for a page whose first answer is slow (a JSP compiled on first use). */
  static HttpResponse<String> get(String url, String accept, Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    if (accept != null) {
      request.header("Accept", accept);
    }
    return send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<byte[]> getBytes(String url, String accept) {
    return send(
        HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static CompletableFuture<HttpResponse<String>> getAsync(String url) {
    return CLIENT.sendAsync(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * GETs {@code count} URLs as a scanner would, 50 at a time: as fast as the server answers,
   * without thousands of connections at once.
   */
  /**
   * Sends a GET of {@code path} on a connection of its own, reads its answer until {@code text}
   * arrives, runs {@code meanwhile}, then closes the connection: a client that goes away in the
   * middle of an answer.
   */
  static void getAndGoAway(int port, String path, String text, Runnable meanwhile)
      throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder read = new StringBuilder();
      byte[] buffer = new byte[1024];
      while (read.indexOf(text) < 0) {
        int n = in.read(buffer);
        if (n < 0) {
          throw new IOException("the answer ended before " + text + ": " + read);
        }
        read.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
      }
      meanwhile.run();
    }
  }

  static void getAll(int count, IntFunction<String> urlOf) {
    List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(getAsync(urlOf.apply(i)));
      if (batch.size() == 50) {
        batch.forEach(CompletableFuture::join);
        batch.clear();
      }
    }
    batch.forEach(CompletableFuture::join);
  }

  static HttpResponse<String> post(String url, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static <T> HttpResponse<T> send(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return CLIENT.send(request, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A TLS context that trusts the certificate (a CA's or a server's own) in a PEM file. */
  static SSLContext trusting(Path pem) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      trusted.setCertificateEntry(
          "trusted", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /** Ports handed out so far: the kernel may hand a port just closed out again at once. */
  private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

  /** A port free now, and never given before to a test of this JVM. */
  static int freePort() {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        if (GIVEN.add(socket.getLocalPort())) {
          return socket.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
