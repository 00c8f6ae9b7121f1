package io.github.statusexporter.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

final class Ports {
  /**
   * Every port handed out by this run: the kernel may give the port just closed again, and a launch
   * asks for two at once (the application's and the agent's), which must differ. A CI smoke run
   * once waited 60 s for a /metrics that was most likely the application's own port.
   */
  private static final Set<Integer> GIVEN = new HashSet<>();

  private Ports() {}

  /** A free port, none handed out before in this run. */
  static synchronized int free() {
    while (true) {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (GIVEN.add(port)) {
        return port;
      }
    }
  }
}
