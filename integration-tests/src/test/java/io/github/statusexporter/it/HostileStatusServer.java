package io.github.statusexporter.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A status endpoint in the test's own JVM, on a raw socket, that answers each path as a test says:
 * a JSON body of any size at once, the same a byte at a time, or bytes that are not HTTP at all. It
 * keeps the head of every request it was sent.
 */
final class HostileStatusServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<String> requestHeads = new CopyOnWriteArrayList<>();

  private static final class Answer {
    final byte[] bytes;
    final long millisPerByte;

    Answer(byte[] bytes, long millisPerByte) {
      this.bytes = bytes;
      this.millisPerByte = millisPerByte;
    }
  }

  HostileStatusServer() throws IOException {
    socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "hostile-status-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** Answers {@code path} with a 200 and this JSON body, at once. */
  void json(String path, byte[] body) {
    answers.put(path, new Answer(response(body), 0));
  }

  /** Answers {@code path} with a 200 and this JSON body, a byte every {@code millisPerByte}. */
  void trickle(String path, byte[] body, long millisPerByte) {
    answers.put(path, new Answer(response(body), millisPerByte));
  }

  /** Answers {@code path} with exactly these bytes, then closes the connection. */
  void raw(String path, String bytes) {
    answers.put(path, new Answer(bytes.getBytes(StandardCharsets.UTF_8), 0));
  }

  /** The request line and headers of every request so far. */
  List<String> requestHeads() {
    return List.copyOf(requestHeads);
  }

  private static byte[] response(byte[] body) {
    byte[] head =
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] response = new byte[head.length + body.length];
    System.arraycopy(head, 0, response, 0, head.length);
    System.arraycopy(body, 0, response, head.length, body.length);
    return response;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread answerer = new Thread(() -> answer(client), "hostile-status-answer");
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
      String head = readHead(in);
      requestHeads.add(head);
      String target = head.split(" ", 3).length > 1 ? head.split(" ", 3)[1] : "/";
      int query = target.indexOf('?');
      Answer answer = answers.get(query < 0 ? target : target.substring(0, query));
      if (answer == null) {
        out.write(response("{}".getBytes(StandardCharsets.UTF_8)));
      } else if (answer.millisPerByte == 0) {
        out.write(answer.bytes);
      } else {
        for (byte b : answer.bytes) {
          out.write(b);
          out.flush();
          Thread.sleep(answer.millisPerByte);
        }
      }
      out.flush();
    } catch (IOException e) {
      // the agent closed the connection: over a size limit, or past its timeout
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) != -1 && head.length() < 16 * 1024) {
      head.append((char) b);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
