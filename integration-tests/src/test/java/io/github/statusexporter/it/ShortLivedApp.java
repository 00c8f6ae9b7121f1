package io.github.statusexporter.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An application whose {@code main} returns: it scrapes its own agent once (so every agent thread
 * has been started) and ends. The JVM must then exit by itself.
 */
public final class ShortLivedApp {
  private ShortLivedApp() {}

  public static void main(String[] args) throws Exception {
    URI metrics = URI.create("http://localhost:" + args[0] + "/metrics");
    HttpClient client = HttpClient.newHttpClient();
    for (int attempt = 0; attempt < 100; attempt++) {
      try {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("scraped " + response.statusCode());
        return;
      } catch (java.io.IOException notYetListening) {
        Thread.sleep(100);
      }
    }
    System.out.println("never scraped");
  }
}
