package io.github.statusexporter.server;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads that never keep the application's JVM alive and say whose they are. */
public final class DaemonThreads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  public DaemonThreads(String purpose) {
    this.prefix = "status-exporter-" + purpose + "-";
  }

  @Override
  public Thread newThread(Runnable task) {
    return daemon(task, prefix + count.incrementAndGet());
  }

  public static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
