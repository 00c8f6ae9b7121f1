package io.github.statusexporter.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that send one request after another, each on its own keep-alive connection, until
 * stopped: the steady traffic of an application that an operator attaches the agent to. It counts
 * the requests answered, those sent after a moment ({@link #mark()}), and keeps every failure.
 */
final class SteadyLoad implements AutoCloseable {
  private final URI uri;
  private final List<Thread> clients = new ArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong answeredSentAfterMark = new AtomicLong();
  private volatile long markNanos = Long.MAX_VALUE;
  private volatile boolean stopped;

  private SteadyLoad(URI uri) {
    this.uri = uri;
  }

  /** {@code threads} clients sending GET {@code url}, each expecting 200. */
  static SteadyLoad start(String url, int threads) {
    SteadyLoad load = new SteadyLoad(URI.create(url));
    for (int i = 0; i < threads; i++) {
      Thread client = new Thread(load::sendUntilStopped, "steady-load-" + i);
      client.setDaemon(true);
      load.clients.add(client);
      client.start();
    }
    return load;
  }

  private void sendUntilStopped() {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    while (!stopped) {
      long sent = System.nanoTime();
      try {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
          failures.add(response.statusCode() + " for a request");
          continue;
        }
      } catch (IOException e) {
        failures.add(e.toString());
        continue;
      } catch (InterruptedException e) {
        return;
      }
      answered.incrementAndGet();
      if (sent > markNanos) {
        answeredSentAfterMark.incrementAndGet();
      }
    }
  }

  /** From now on, requests sent are counted apart. */
  void mark() {
    markNanos = System.nanoTime();
  }

  /** Waits until {@code count} requests more than now are answered. */
  void awaitAnswered(long count) {
    long target = answered.get() + count;
    Wait.until(
        count + " more requests answered",
        Duration.ofSeconds(30),
        () -> answered.get() >= target ? true : null);
  }

  long answered() {
    return answered.get();
  }

  long answeredSentAfterMark() {
    return answeredSentAfterMark.get();
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  /** Stops the clients once their request in flight is answered. */
  @Override
  public void close() throws InterruptedException {
    stopped = true;
    for (Thread client : clients) {
      client.join(15_000);
    }
  }
}
