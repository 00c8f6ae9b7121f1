package io.github.statusexporter.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A status endpoint that an attacker controls, in the benchmark's JVM: a document of {@code
 * {"each":[[0],[0],...]}} whose every entry becomes a series through the mapping file it writes
 * (four bytes per entry, so that 250,000 of them stay under the agent's 1 MiB body cap).
 */
final class HostileStatus implements AutoCloseable {
  /** The agent refuses larger bodies as {@code too_large}: then there would be no attack. */
  private static final int BODY_CAP = 1 << 20;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Path mappingFile;

  private HostileStatus(HttpServer server, ExecutorService executor, Path mappingFile) {
    this.server = server;
    this.executor = executor;
    this.mappingFile = mappingFile;
  }

  /** Serves a document of {@code entries} entries on a free port of 127.0.0.1. */
  static HostileStatus start(int entries, Path directory) throws IOException {
    byte[] document = document(entries);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    server.createContext(
        "/status",
        exchange -> {
          try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, document.length);
            try (OutputStream body = exchange.getResponseBody()) {
              body.write(document);
            }
          }
        });
    server.start();
    Path mappingFile = directory.resolve("hostile.yml");
    Files.writeString(
        mappingFile,
        String.join(
            "\n",
            "sources:",
            "  - name: hostile",
            "    url: http://127.0.0.1:" + server.getAddress().getPort() + "/status",
            "    metrics:",
            "      - name: hostile_entry",
            "        field: \"[0]\"",
            "        each: each",
            "        key_label: entry",
            ""));
    return new HostileStatus(server, executor, mappingFile);
  }

  private static byte[] document(int entries) {
    StringBuilder json = new StringBuilder(entries * 4 + 16).append("{\"each\":[");
    for (int i = 0; i < entries; i++) {
      json.append(i == 0 ? "[0]" : ",[0]");
    }
    byte[] document = json.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
    if (document.length > BODY_CAP) {
      throw new IllegalArgumentException(
          entries + " entries take " + document.length + " bytes, over the agent's 1 MiB cap");
    }
    return document;
  }

  /** The mapping file ({@code config=}) whose one source is this document. */
  Path mappingFile() {
    return mappingFile;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
