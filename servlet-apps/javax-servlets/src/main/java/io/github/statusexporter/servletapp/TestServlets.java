package io.github.statusexporter.servletapp;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.servlet.AsyncContext;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * What every javax test server serves (a copy of the jakarta one: the APIs differ only by package),
 * by mapping pattern: a plain page, a slow page, an asynchronous one, one that fails, one that
 * forwards, a streamed one, a prefix mapping and a status page. A filter on every path stands for
 * the application's own filters. Servlet 3.1 API only, for Jetty 9.4.
 */
public final class TestServlets {
  private static final long STARTED = System.nanoTime();

  private TestServlets() {}

  /** The servlets by the pattern they are mapped to. */
  public static Map<String, HttpServlet> byPattern() {
    Map<String, HttpServlet> servlets = new LinkedHashMap<>();
    servlets.put("/hello", new Hello());
    servlets.put("/work", new Work());
    servlets.put("/async", new Async());
    servlets.put("/resume", new Resume());
    servlets.put("/fail", new Fail());
    servlets.put("/forward", new Forward());
    servlets.put("/stream", new Stream());
    servlets.put("/items/*", new Hello());
    servlets.put("/status", new Status());
    return servlets;
  }

  public static Filter filter() {
    return new PassThrough();
  }

  private static long millis(HttpServletRequest request) {
    String ms = request.getParameter("ms");
    return ms == null ? 0 : Long.parseLong(ms);
  }

  private static void write(HttpServletResponse response, String contentType, String body)
      throws IOException {
    response.setContentType(contentType);
    response.getWriter().write(body);
  }

  static final class Hello extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      write(response, "text/plain", "hello\n");
    }
  }

  /** Answers after {@code ms} milliseconds on the request's thread. */
  static final class Work extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      try {
        Thread.sleep(millis(request));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      write(response, "text/plain", "done\n");
    }
  }

  /** Returns at once and answers after {@code ms} milliseconds from another thread. */
  static final class Async extends HttpServlet {
    private final ScheduledExecutorService later =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "async-answers");
              thread.setDaemon(true);
              return thread;
            });

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      async.setTimeout(60_000);
      later.schedule(
          () -> {
            try {
              response.setStatus(202);
              write(response, "text/plain", "accepted\n");
            } catch (IOException e) {
              // the client went away
            }
            async.complete();
          },
          millis(request),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Returns at once, is dispatched again after {@code ms} milliseconds and answers then. */
  static final class Resume extends HttpServlet {
    private final ScheduledExecutorService later =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "async-dispatches");
              thread.setDaemon(true);
              return thread;
            });

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      if (request.getDispatcherType() == DispatcherType.ASYNC) {
        write(response, "text/plain", "resumed\n");
        return;
      }
      AsyncContext async = request.startAsync();
      later.schedule(() -> async.dispatch(), millis(request), TimeUnit.MILLISECONDS);
    }
  }

  static final class Fail extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("this page always fails");
    }
  }

  static final class Forward extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      request.getRequestDispatcher("/hello").forward(request, response);
    }
  }

  /**
   * Streams {@code chunks} lines ({@code chunk 0}, ...), each sent on its own, {@code ms}
   * milliseconds apart; stops when the client has gone away.
   */
  static final class Stream extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      int chunks = Integer.parseInt(request.getParameter("chunks"));
      response.setContentType("text/plain");
      PrintWriter writer = response.getWriter();
      for (int i = 0; i < chunks; i++) {
        if (i > 0 && !pause(millis(request))) {
          return;
        }
        writer.write("chunk " + i + "\n");
        // Flushes, so that each chunk goes out on its own; true once the client has gone away
        // (the containers' writers keep their IOExceptions to themselves).
        if (writer.checkError()) {
          return;
        }
      }
    }

    private static boolean pause(long millis) {
      try {
        Thread.sleep(millis);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** The seed's status document, for the agent to read from a servlet. */
  static final class Status extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      double uptime = (System.nanoTime() - STARTED) / 1e9;
      write(
          response,
          "application/json",
          "{\"current_requests\": 0, \"pending_requests\": 0, \"total_uptime\": "
              + uptime
              + ", \"health\": \"healthy\"}");
    }
  }

  /** With {@code init} and {@code destroy}, which Servlet 3.1's {@code Filter} does not default. */
  static final class PassThrough implements Filter {
    @Override
    public void init(FilterConfig config) {}

    @Override
    public void destroy() {}

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      ((HttpServletResponse) response).setHeader("X-Filtered", "yes");
      chain.doFilter(request, response);
    }
  }
}
