package io.github.statusexporter.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The metrics server's threads, which no client can hold for long. The JDK server hands each
 * request, from its first byte on, to a thread of this executor, which then reads the request head
 * (and on TLS the handshake) with blocking reads and no deadline. So that slow or half-open clients
 * cannot take every thread: a request head must be complete within {@link #HEAD_DEADLINE_MILLIS}, a
 * whole exchange within {@link #EXCHANGE_DEADLINE_MILLIS}, and when every thread is taken the
 * request that has waited longest for its head is dropped to make room, while the new one runs at
 * once on one of a few more threads. A real scrape sends its head in a millisecond, so it is never
 * the one dropped, however many slow connections come before and after it.
 *
 * <p>Dropping is interrupting: the JDK server reads and writes through blocking {@code
 * SocketChannel}s, which close when the thread blocked on them is interrupted. Connections that
 * send nothing hold no thread; the JDK server closes them after 30 s idle.
 */
final class ServerThreads implements Executor, AutoCloseable {
  /**
   * Requests in progress at once (handed over and not dropped); past it, a new request drops the
   * slowest head.
   */
  static final int MAX_THREADS = 64;

  /**
   * Threads beyond {@link #MAX_THREADS} for new requests while the dropped ones end: a new request
   * runs at once, never behind slow ones. Past these too, the JDK server closes it at once.
   */
  static final int OVERFLOW = 16;

  static final long HEAD_DEADLINE_MILLIS = 10_000;
  static final long EXCHANGE_DEADLINE_MILLIS = 90_000;

  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService deadlines;
  private final ConcurrentHashMap.KeySetView<Exchange, Boolean> running =
      ConcurrentHashMap.newKeySet();
  private final ServerMetrics metrics;

  /** The request on this thread; read once per request, it holds nothing between requests. */
  private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

  ServerThreads(ServerMetrics metrics) {
    this.metrics = metrics;
    pool =
        new ThreadPoolExecutor(
            // One thread kept: Prometheus scrapes one at a time. A pool keeps making threads until
            // it has this many, idle ones or not, and each thread's stack and C heap arena are
            // ~0.1 MiB of resident memory; more threads come when requests overlap, for 60 s.
            1,
            MAX_THREADS + OVERFLOW,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            new DaemonThreads("http"));
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, new DaemonThreads("deadlines"));
    timer.setRemoveOnCancelPolicy(true);
    deadlines = timer;
    deadlines.scheduleWithFixedDelay(
        new Runnable() { // not this::dropOverdue, a class the JVM would spin
          @Override
          public void run() {
            dropOverdue();
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
  }

  /**
   * Runs one request of the JDK server. Rejected past {@link #OVERFLOW}: the JDK server then closes
   * the connection at once.
   */
  @Override
  public void execute(Runnable request) {
    // Counted here, not once its thread runs it: in a burst the dispatcher hands over requests
    // faster than threads start, and counting late let every thread fill with heads, so that the
    // room a drop made came too late for the next request, a scrape's too.
    if (running.size() >= MAX_THREADS) {
      dropSlowestHead();
    }
    Exchange exchange = new Exchange(request);
    running.add(exchange);
    boolean handedOver = false;
    try {
      pool.execute(exchange);
      handedOver = true;
    } catch (RejectedExecutionException e) {
      metrics.connectionDropped(ServerMetrics.Dropped.OVERLOADED);
      throw e;
    } finally {
      if (!handedOver) {
        running.remove(exchange); // also when no thread could be made (an Error)
      }
    }
  }

  /**
   * The first filter of the server's context: it runs once the JDK server has read a request's
   * head, so that from there on only the exchange deadline applies.
   */
  static Filter headReadFilter() {
    return new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Exchange current = CURRENT.get();
        if (current != null) {
          current.headRead();
        }
        chain.doFilter(exchange);
      }

      @Override
      public String description() {
        return "status-exporter: request head read";
      }
    };
  }

  private void dropSlowestHead() {
    Exchange slowest = null;
    for (Exchange exchange : running) {
      if (exchange.inHead() && (slowest == null || exchange.since < slowest.since)) {
        slowest = exchange;
      }
    }
    if (slowest != null) {
      slowest.dropIf(true, ServerMetrics.Dropped.EVICTED);
    }
  }

  private void dropOverdue() {
    long now = System.nanoTime();
    for (Exchange exchange : running) {
      boolean inHead = exchange.inHead();
      long limit = inHead ? HEAD_DEADLINE_MILLIS : EXCHANGE_DEADLINE_MILLIS;
      if (now - exchange.since > TimeUnit.MILLISECONDS.toNanos(limit)) {
        exchange.dropIf(
            inHead,
            inHead ? ServerMetrics.Dropped.HEAD_TIMEOUT : ServerMetrics.Dropped.EXCHANGE_TIMEOUT);
      }
    }
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    pool.shutdownNow();
  }

  /**
   * One request of the JDK server, from the moment it is handed over, and how far it has come. It
   * may be dropped before a thread runs it: it then runs interrupted, so that its first read fails
   * and the JDK server closes the connection.
   */
  private final class Exchange implements Runnable {
    private final Runnable request;
    private Thread thread;
    private boolean head = true;
    private boolean dropped;
    private boolean done;
    private volatile long since = System.nanoTime();

    Exchange(Runnable request) {
      this.request = request;
    }

    @Override
    public void run() {
      synchronized (this) {
        thread = Thread.currentThread();
        if (dropped) {
          thread.interrupt();
        }
      }
      CURRENT.set(this);
      try {
        request.run();
      } finally {
        CURRENT.remove();
        synchronized (this) {
          done = true; // first: a drop that finds it from now on counts and interrupts nothing
          // An interrupt meant for this request must not reach the next one on this thread.
          Thread.interrupted();
        }
        running.remove(this);
      }
    }

    synchronized void headRead() {
      head = false;
      since = System.nanoTime();
    }

    synchronized boolean inHead() {
      return head && !dropped;
    }

    /**
     * Counts and interrupts the request if it is still running and still in the phase seen: counted
     * first, so that the count is there by the time its client sees the connection close. It then
     * no longer counts against {@link #MAX_THREADS}: its thread ends soon, and meanwhile new
     * requests have the {@link #OVERFLOW} threads.
     */
    synchronized void dropIf(boolean inHead, ServerMetrics.Dropped reason) {
      if (done || dropped || head != inHead) {
        return;
      }
      metrics.connectionDropped(reason);
      dropped = true;
      running.remove(this);
      if (thread != null) {
        thread.interrupt();
      }
    }
  }
}
