package io.github.statusexporter.instrumentation;

import java.util.Set;

/**
 * The application's main thread, done with the application's start once it has ended or waits:
 * Jetty's start.jar and Spring Boot's {@code run} return from {@code main} once started, Tomcat's
 * {@code catalina.sh} parks it in {@code StandardServer.await}, an embedded server's {@code main}
 * in {@code join}. Until then a container runs its start on it: Tomcat initialises and deploys its
 * applications there. The process's CPU and classes alone cannot tell a start from a quiet
 * application when other processes starve it of CPU: on a machine at load 10 the agent took
 * Tomcat's distribution as started in the middle of its initialisation (docs/performance.md).
 */
final class MainThread {
  /** The JDK's blocking server sockets, whose {@code accept} a started server may wait in. */
  private static final Set<String> ACCEPTING =
      Set.of("java.net.ServerSocket", "sun.nio.ch.ServerSocketChannelImpl");

  private final Thread thread;

  /**
   * @param thread the thread that ran {@code premain}, or null when the agent was attached to a
   *     running JVM, whose start is over
   */
  MainThread(Thread thread) {
    this.thread = thread;
  }

  /**
   * True when the thread has ended, waits or sleeps, or accepts connections on a server socket, as
   * Tomcat's does on its shutdown port (a thread in a system call is RUNNABLE to the JVM). Not any
   * native method: a starting thread is found in one at every other look (inflating a class file,
   * {@code Unsafe}, {@code Reflection.getCallerClass}, measured on Tomcat's start).
   */
  boolean done() {
    if (thread == null) {
      return true;
    }
    Thread.State state = thread.getState();
    if (state == Thread.State.TERMINATED
        || state == Thread.State.WAITING
        || state == Thread.State.TIMED_WAITING) {
      return true;
    }
    if (state != Thread.State.RUNNABLE) {
      return false; // NEW, or BLOCKED on a monitor (a class loader's lock, say): still starting
    }
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getMethodName().equals("accept") && ACCEPTING.contains(frame.getClassName())) {
        return true;
      }
    }
    return false;
  }
}
