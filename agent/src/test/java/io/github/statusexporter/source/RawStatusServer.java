package io.github.statusexporter.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A status endpoint on a real socket that writes its answer byte by byte, as fast or as slowly as a
 * test says: what {@code com.sun.net.httpserver} cannot do (trickle a body, send a broken status
 * line). It notices when the client closes the connection.
 */
final class RawStatusServer implements AutoCloseable {
  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();
  private final CountDownLatch clientGone = new CountDownLatch(1);
  private volatile byte[] answer = new byte[0];
  private volatile long millisPerByte;

  RawStatusServer() throws IOException {
    socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "raw-status-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/status");
  }

  /** Answers a 200 with this JSON body, a byte every {@code millisPerByte}. */
  RawStatusServer trickle(String json, long millisPerByte) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return raw(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n"
            + json,
        millisPerByte);
  }

  /** Answers exactly these bytes, then closes the connection. */
  RawStatusServer raw(String answer, long millisPerByte) {
    this.answer = answer.getBytes(StandardCharsets.UTF_8);
    this.millisPerByte = millisPerByte;
    return this;
  }

  int connections() {
    return connections.get();
  }

  /** True once a client closed a connection before the whole answer was written. */
  boolean awaitClientGone(long millis) throws InterruptedException {
    return clientGone.await(millis, TimeUnit.MILLISECONDS);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        connections.incrementAndGet();
        Thread answerer = new Thread(() -> answer(client), "raw-status-answer");
        answerer.setDaemon(true);
        answerer.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void answer(Socket client) {
    try (client;
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream()) {
      readHead(in);
      byte[] bytes = answer;
      long pause = millisPerByte;
      if (pause == 0) {
        out.write(bytes);
      } else {
        for (byte b : bytes) {
          out.write(b);
          out.flush();
          Thread.sleep(pause);
        }
      }
      out.flush();
    } catch (IOException e) {
      clientGone.countDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while (matched < 4 && (b = in.read()) != -1) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
