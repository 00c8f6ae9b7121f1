package io.github.statusexporter.instrumentation;

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
  private final Thread thread;

  /**
   * @param thread the thread that ran {@code premain}, or null when the agent was attached to a
   *     running JVM, whose start is over
   */
  MainThread(Thread thread) {
    this.thread = thread;
  }

  /**
   * True when the thread has ended, waits or sleeps, or blocks in a native method such as the
   * {@code accept} of Tomcat's shutdown port (a thread in a system call is RUNNABLE to the JVM).
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
    StackTraceElement[] stack = thread.getStackTrace();
    return stack.length > 0 && stack[0].isNativeMethod();
  }
}
