package io.github.statusexporter.instrumentation.jdk;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The JDK HTTP servers that run in this JVM, with their contexts, for an agent attached after the
 * application created them. The JDK keeps no list of its servers, but each started one has a thread
 * named {@value #DISPATCHER_THREAD} whose task is an inner object of the server ({@code
 * sun.net.httpserver.ServerImpl}), which holds the server the application sees and its contexts.
 *
 * <p>Reads private fields of {@code sun.net.httpserver}, which must be open to this class's module
 * (the agent opens it with {@code Instrumentation.redefineModule}).
 */
final class RunningServers {
  static final String DISPATCHER_THREAD = "HTTP-Dispatcher";
  private static final String DISPATCHER_CLASS = "sun.net.httpserver.ServerImpl$Dispatcher";

  /** A server that runs, as the application sees it, and its contexts when it was found. */
  static final class RunningServer {
    final HttpServer server;
    final List<HttpContext> contexts;

    RunningServer(HttpServer server, List<HttpContext> contexts) {
      this.server = server;
      this.contexts = contexts;
    }
  }

  private RunningServers() {}

  /**
   * @param tasks a thread's {@code Runnable} ({@link ThreadTasks})
   * @throws ReflectiveOperationException when this Java runtime's server or threads are not built
   *     as this class expects: nothing is found then
   */
  static List<RunningServer> find(Function<Thread, Object> tasks)
      throws ReflectiveOperationException {
    List<RunningServer> found = new ArrayList<>();
    for (Thread thread : allThreads()) {
      if (!DISPATCHER_THREAD.equals(thread.getName()) || !thread.isAlive()) {
        continue;
      }
      Object dispatcher = tasks.apply(thread);
      if (dispatcher != null && dispatcher.getClass().getName().equals(DISPATCHER_CLASS)) {
        found.add(serverOf(field(dispatcher.getClass(), "this$0").get(dispatcher)));
      }
    }
    return found;
  }

  private static RunningServer serverOf(Object serverImpl) throws ReflectiveOperationException {
    HttpServer server = (HttpServer) field(serverImpl.getClass(), "wrapper").get(serverImpl);
    Object contextList = field(serverImpl.getClass(), "contexts").get(serverImpl);
    Collection<?> list = (Collection<?>) field(contextList.getClass(), "list").get(contextList);
    List<HttpContext> contexts = new ArrayList<>();
    // The JDK reads and changes this list only under the context list's lock.
    synchronized (contextList) {
      for (Object context : list) {
        contexts.add((HttpContext) context);
      }
    }
    return new RunningServer(server, contexts);
  }

  private static Thread[] allThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int count;
    while ((count = root.enumerate(threads, true)) == threads.length) {
      threads = new Thread[threads.length * 2];
    }
    Thread[] all = new Thread[count];
    System.arraycopy(threads, 0, all, 0, count);
    return all;
  }

  static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }
}
