package io.github.statusexporter.demo;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** The live numbers the app reports on {@code /status} and through its MXBean. */
final class AppStatus implements StatusMXBean {
  static final String HEALTHY = "healthy";
  static final String UNHEALTHY = "unhealthy";

  private final long startNanos = System.nanoTime();
  private final AtomicInteger current = new AtomicInteger();
  private final AtomicInteger pending = new AtomicInteger();
  private volatile String health = HEALTHY;

  void accepted() {
    pending.incrementAndGet();
  }

  void started() {
    pending.decrementAndGet();
    current.incrementAndGet();
  }

  /** A request that was accepted but will not run after all. */
  void dropped() {
    pending.decrementAndGet();
  }

  void finished() {
    current.decrementAndGet();
  }

  void setHealth(String health) {
    this.health = health;
  }

  @Override
  public int getCurrentRequests() {
    return current.get();
  }

  @Override
  public int getPendingRequests() {
    return pending.get();
  }

  @Override
  public double getTotalUptime() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  @Override
  public String getHealth() {
    return health;
  }

  /** The seed's {@code /status} document, with exactly its keys. */
  String toJson() {
    return String.format(
        Locale.ROOT,
        "{\"current_requests\": %d, \"pending_requests\": %d, \"total_uptime\": %s,"
            + " \"health\": \"%s\"}",
        getCurrentRequests(),
        getPendingRequests(),
        Double.toString(getTotalUptime()),
        getHealth());
  }
}
