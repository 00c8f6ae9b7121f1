package io.github.statusexporter.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MainThreadTest {

  @Test
  void aThreadAtWorkIsNotDone() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    Thread busy =
        new Thread(
            () -> {
              // Native methods too, as a start calls them (System.nanoTime is one, interpreted).
              long spin = 0;
              while (!stop.get()) {
                spin += Long.numberOfTrailingZeros(spin + System.nanoTime());
              }
            });
    busy.start();
    try {
      for (int look = 0; look < 200; look++) {
        assertThat(new MainThread(busy).done()).isFalse();
      }
    } finally {
      stop.set(true);
      busy.join();
    }
  }

  @Test
  void aThreadThatSleepsWaitsOrHasEndedIsDone() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Thread waiting = new Thread(() -> await(release));
    Thread sleeping = new Thread(() -> sleep());
    waiting.start();
    sleeping.start();
    try {
      awaitState(waiting, Thread.State.WAITING);
      awaitState(sleeping, Thread.State.TIMED_WAITING);
      assertThat(new MainThread(waiting).done()).isTrue();
      assertThat(new MainThread(sleeping).done()).isTrue();
    } finally {
      release.countDown();
      sleeping.interrupt();
      waiting.join();
      sleeping.join();
    }
    assertThat(new MainThread(waiting).done()).isTrue();
  }

  /** Tomcat's main thread, once started, accepts on the shutdown port: RUNNABLE to the JVM. */
  @Test
  void aThreadBlockedInAcceptIsDone() throws Exception {
    try (ServerSocket shutdownPort = new ServerSocket(0)) {
      assertDoneWhile(() -> shutdownPort.accept().close(), shutdownPort);
    }
  }

  @Test
  void aThreadBlockedInABlockingChannelsAcceptIsDone() throws Exception {
    try (ServerSocketChannel channel = ServerSocketChannel.open()) {
      channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      assertDoneWhile(() -> channel.accept().close(), channel);
    }
  }

  private interface Blocking {
    void run() throws Exception;
  }

  private static void assertDoneWhile(Blocking accept, Closeable socket) throws Exception {
    Thread accepting =
        new Thread(
            () -> {
              try {
                accept.run();
              } catch (Exception closed) {
                // the test is over
              }
            });
    accepting.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!new MainThread(accepting).done() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(accepting.getState()).isEqualTo(Thread.State.RUNNABLE);
    assertThat(new MainThread(accepting).done()).isTrue();
    socket.close();
    accepting.join();
  }

  @Test
  void anAttachedAgentFindsTheStartOver() {
    assertThat(new MainThread(null).done()).isTrue();
  }

  private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != state && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(thread.getState()).isEqualTo(state);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
