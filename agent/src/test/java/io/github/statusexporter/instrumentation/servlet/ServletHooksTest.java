package io.github.statusexporter.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.statusexporter.config.options.HistogramBuckets;
import io.github.statusexporter.instrumentation.Exposition;
import io.github.statusexporter.instrumentation.RequestMetrics;
import io.github.statusexporter.instrumentation.RequestRecording;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The servlet adapters on a real container, with no agent: a filter in front of everything calls
 * the hooks as the woven advice does, on every kind of dispatch, so forwards and async
 * re-dispatches pass through it more than once per request.
 */
class ServletHooksTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final HttpClient client = HttpClient.newHttpClient();
  private Server server;

  @BeforeEach
  void start() throws Exception {
    RequestMetrics metrics = new RequestMetrics(HistogramBuckets.CLASSIC);
    metrics.register(registry);
    RequestRecording.install(metrics);
    RequestRecording.agentReadPaths(List.of("/shop/status"));

    ServletContextHandler context = new ServletContextHandler("/shop");
    FilterHolder hooks = new FilterHolder(new AsTheAdviceDoes());
    hooks.setAsyncSupported(true);
    context.addFilter(hooks, "/*", EnumSet.allOf(DispatcherType.class));
    add(context, "/hello", new Text());
    add(context, "/items/*", new Text());
    add(context, "/status", new Text());
    add(context, "/forward", new Forward());
    add(context, "/fail", new Fail());
    add(context, "/async", new AsyncDispatch());
    add(context, "/spring/*", new AsSpringMvcDoes());
    add(context, "/error", new AsSpringMvcDoes());
    add(context, "/redirects", new AsJettyContextChecksDo());
    server = new Server(0);
    server.setHandler(context);
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
    RequestRecording.install(null);
    RequestRecording.agentReadPaths(List.of());
  }

  @Test
  void eachRequestIsCountedOnceUnderItsContextAndMappingPattern() throws Exception {
    get("/hello", null);
    get("/items/1", null);
    get("/items/2?x=y", null);
    assertThat(get("/forward", null)).isEqualTo(200);

    assertCounts(
        count("200", "/shop/forward", 1)
            + count("200", "/shop/hello", 1)
            + count("200", "/shop/items/*", 2).stripTrailing());
  }

  @Test
  void anExceptionEscapingTheServletIsA500() throws Exception {
    assertThat(get("/fail", null)).isEqualTo(500);

    assertCounts(count("500", "/shop/fail", 1).stripTrailing());
  }

  @Test
  void anAsynchronousRequestEndsWhenItCompletesAfterItsRedispatch() throws Exception {
    assertThat(get("/async", null)).isEqualTo(202);

    // The response may reach the client before the completion's listeners have run (a full run
    // once saw the request still active): waited for, a few milliseconds at most.
    String idle =
        "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"} 0.0";
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!Exposition.lines(registry, "http_server_active_requests").equals(idle)
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertCounts(count("202", "/shop/async", 1).stripTrailing());
    assertThat(Exposition.lines(registry, "http_server_active_requests")).isEqualTo(idle);
  }

  @Test
  void theAgentsOwnReadsOfTheStatusPageAreNotCounted() throws Exception {
    get("/status", RequestRecording.AGENT_USER_AGENT_PREFIX + "test");
    get("/status", "curl/8.0");

    assertCounts(count("200", "/shop/status", 1).stripTrailing());
  }

  @Test
  void theTemplateSpringMvcChoseIsTheRouteUnderTheContextAndServletPaths() throws Exception {
    get("/spring/orders/1", null);
    get("/spring/orders/2", null);
    get("/spring/none", null);

    assertCounts(
        count("200", "/shop/spring/*", 1)
            + count("200", "/shop/spring/orders/{id}", 2).stripTrailing());
  }

  @Test
  void anAsynchronousRequestEndsOnTheTemplateOfItsLastDispatch() throws Exception {
    assertThat(get("/spring/orders/1?async", null)).isEqualTo(202);

    assertCounts(count("202", "/shop/spring/orders/{id}", 1).stripTrailing());
  }

  @Test
  void aFailedRequestKeepsTheTemplateItHadBeforeTomcatSentItToTheErrorPage() throws Exception {
    assertThat(get("/spring/orders/1?fail", null)).isEqualTo(500);
    assertThat(get("/spring/none?fail", null)).isEqualTo(500);

    assertCounts(
        count("500", "/shop/spring/*", 1)
            + count("500", "/shop/spring/orders/{id}", 1).stripTrailing());
  }

  @Test
  void aServletContextsRedirectToItsRootHasTheContextsPathAndACoreHandlersNone() throws Exception {
    ServletHooks.redirectedToContextRoot(
        new ServletContextHandler("/shop"), "/shop", "GET", false, 301, System.nanoTime());
    ServletHooks.redirectedToContextRoot(
        new ContextHandler("/core"), "/core", "GET", false, 301, System.nanoTime());

    assertCounts(count("301", "/shop", 1).stripTrailing());
    assertThat(Exposition.lines(registry, "http_server_active_requests"))
        .isEqualTo(
            "http_server_active_requests{http_request_method=\"GET\",url_scheme=\"http\"} 0.0");
  }

  @Test
  void aRequestAContextAnsweredItselfIsRecordedWithTheContextsPathOnlyOnceAnswered()
      throws Exception {
    assertThat(get("/redirects", null)).isEqualTo(302);

    // Before its redirect, the context had not answered: nothing. After it, the context's path.
    assertCounts(count("302", "/shop", 1) + count("302", "/shop/redirects", 1).stripTrailing());
  }

  private int get(String path, String userAgent) throws Exception {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/shop" + path));
    if (userAgent != null) {
      request.header("User-Agent", userAgent);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /**
   * Asserts the request counts become {@code expected} within a second: a response may reach the
   * client a moment before the container's thread records it (a forward closes the response, and
   * asynchronous completion runs after it).
   */
  private void assertCounts(String expected) throws InterruptedException {
    String counts = "";
    for (int i = 0; i < 50; i++) {
      counts = Exposition.lines(registry, "http_server_request_duration_seconds_count");
      if (counts.equals(expected)) {
        break;
      }
      Thread.sleep(20);
    }
    assertThat(counts).isEqualTo(expected);
  }

  private static String count(String status, String route, int count) {
    return "http_server_request_duration_seconds_count{http_request_method=\"GET\","
        + "http_response_status_code=\""
        + status
        + "\",http_route=\""
        + route
        + "\",url_scheme=\"http\"} "
        + count
        + "\n";
  }

  private static void add(ServletContextHandler context, String pattern, HttpServlet servlet) {
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, pattern);
  }

  /** What TomcatAdvice and JettyAdvice weave around a container's request handling. */
  static final class AsTheAdviceDoes implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      Object recorder = ServletHooks.enter(request);
      long start = System.nanoTime();
      Throwable thrown = null;
      try {
        chain.doFilter(request, response);
      } catch (IOException | ServletException | RuntimeException e) {
        thrown = e;
        throw e;
      } finally {
        ServletHooks.exit(request, response, recorder, start, thrown);
      }
    }
  }

  /**
   * Calls the hook as Jetty 9.4 to 11's context check does when it refuses a request, before and
   * after its redirect to the context's root.
   */
  static final class AsJettyContextChecksDo extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      long start = System.nanoTime();
      ServletHooks.contextAnswered(request, response, "/shop", start);
      response.sendRedirect("/shop/");
      response.flushBuffer();
      ServletHooks.contextAnswered(request, response, "/shop", start);
    }
  }

  static final class Text extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.getWriter().write("text");
    }
  }

  static final class Forward extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      request.getRequestDispatcher("/hello").forward(request, response);
    }
  }

  static final class Fail extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      throw new IllegalStateException("fails on purpose");
    }
  }

  /**
   * Sets Spring MVC's best-matching pattern when its path names an order, on every dispatch: as
   * Spring MVC does behind a servlet mapped to {@code /spring/*}, without the servlet's path. With
   * {@code fail}, fails as Tomcat sees it: a 500, the hook of its error-page forward, and Spring
   * Boot's error page, a handler with a template of its own. With {@code async}, answers on a
   * dispatch from another thread.
   */
  static final class AsSpringMvcDoes extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      if (request.getServletPath().equals("/error")) {
        request.setAttribute(ServletApi.SPRING_MVC_TEMPLATE, "/error");
        return;
      }
      if (request.getRequestURI().startsWith("/shop/spring/orders/")) {
        request.setAttribute(ServletApi.SPRING_MVC_TEMPLATE, "/orders/{id}");
      }
      if (request.getParameter("fail") != null) {
        response.setStatus(500);
        ServletHooks.errorPage(request);
        request.getRequestDispatcher("/error").forward(request, response);
      } else if (request.getParameter("async") != null) {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
          response.setStatus(202);
        } else {
          AsyncContext async = request.startAsync();
          new Thread(async::dispatch).start();
        }
      }
    }
  }

  /** Goes asynchronous, is dispatched again from another thread, and answers then. */
  static final class AsyncDispatch extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      if (request.getDispatcherType() == DispatcherType.ASYNC) {
        response.setStatus(202);
        return;
      }
      AsyncContext async = request.startAsync();
      new Thread(async::dispatch).start();
    }
  }
}
