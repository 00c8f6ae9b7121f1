package io.github.statusexporter.demo;

import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;

/**
 * The Java port of the seed's status app: {@code GET /status}, {@code GET /work?ms=N}, {@code POST
 * /health}, and the MXBean {@code demo:type=Status}.
 */
public final class DemoApp {
  static final int DEFAULT_PORT = 8000;
  static final int DEFAULT_WORKERS = 4;

  private DemoApp() {}

  public static void main(String[] args) throws Exception {
    int port = intArgument(args, "--port", DEFAULT_PORT);
    int workerCount = intArgument(args, "--workers", DEFAULT_WORKERS);
    // Without it the JDK 17 server waits on delayed ACKs and caps near 350 keep-alive req/s.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    AppStatus status = new AppStatus();
    ManagementFactory.getPlatformMBeanServer()
        .registerMBean(status, new ObjectName("demo:type=Status"));
    ExecutorService workers = Executors.newFixedThreadPool(workerCount, named("demo-worker"));

    HttpServer server = HttpServer.create(new InetSocketAddress(port), 128);
    server.setExecutor(Executors.newFixedThreadPool(8, named("demo-http")));
    server.createContext("/status", new StatusHandler(status));
    server.createContext("/work", new WorkHandler(status, workers));
    server.createContext("/health", new HealthHandler(status));
    server.start();
    System.out.println(
        "demo-app ready on http://localhost:"
            + server.getAddress().getPort()
            + " (GET /status, GET /work?ms=N, POST /health; "
            + workerCount
            + " workers)");
  }

  static int intArgument(String[] args, String name, int defaultValue) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(name)) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(name + " needs a number");
        }
        return Integer.parseInt(args[i + 1]);
      }
    }
    return defaultValue;
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> new Thread(task, prefix + "-" + count.incrementAndGet());
  }
}
