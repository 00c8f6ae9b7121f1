package io.github.statusexporter.instrumentation.undertow;

import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.RouteRecorder;
import io.github.statusexporter.instrumentation.ServerRoutes;
import io.github.statusexporter.instrumentation.servlet.ServletHooks;
import io.github.statusexporter.instrumentation.servlet.ServletRoute;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;

/**
 * Records Undertow's exchanges through their public API. A request begins when its start is
 * stamped, and is known begun by that stamp; it ends at its exchange's completion, with the status
 * sent. Nothing is kept per request but what the exchange holds already, except an attachment for
 * the rare requests not counted, and a servlet deployment's route in its attachments.
 */
public final class UndertowExchanges extends UndertowExchangeApi {
  /** Marks a request stamped but not counted: an agent's read, or one before the metrics. */
  private static final AttachmentKey<Boolean> UNCOUNTED = AttachmentKey.create(Boolean.class);

  /** The route a servlet deployment gave the request. */
  private static final AttachmentKey<ServletRoute> SERVLET_ROUTE =
      AttachmentKey.create(ServletRoute.class);

  @Override
  public void rootHandler(Object exchange) {
    HttpServerExchange http = (HttpServerExchange) exchange;
    // Unstamped unless the server records start times: stamped once, at the first dispatch.
    if (http.getRequestStartTime() == -1) {
      Connectors.setRequestStartTime(http);
    }
  }

  @Override
  public void started(Object exchange) {
    HttpServerExchange http = (HttpServerExchange) exchange;
    if (http.getRequestStartTime() == -1) {
      return; // an upgraded request whose first exchange was never stamped: begins later
    }
    ServerRoutes routes = UndertowRoutes.current();
    if (routes == null
        || routes.mayServeAgentReads(http.getRequestPath())
            && RequestRecording.isAgentUserAgent(
                http.getRequestHeaders().getFirst(Headers.USER_AGENT))) {
      http.putAttachment(UNCOUNTED, Boolean.TRUE);
      return;
    }
    routes.begun(isHttps(http), method(http));
  }

  @Override
  public void completed(Object exchange) {
    HttpServerExchange http = (HttpServerExchange) exchange;
    long start = http.getRequestStartTime();
    if (start == -1 || http.getAttachment(UNCOUNTED) != null) {
      return; // never begun: ended before any handler (a malformed request), or not counted
    }
    ServerRoutes routes = UndertowRoutes.current();
    if (routes == null) {
      return;
    }
    boolean https = isHttps(http);
    // No status sent: the client went away first.
    int status = http.isResponseStarted() ? http.getStatusCode() : -1;
    RouteRecorder recorder = servletRecorder(http, status);
    if (recorder == null) {
      PathTemplateMatch match = http.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
      recorder =
          routes.recorder(
              https, "", match == null ? null : match.getMatchedTemplate(), http.getRequestPath());
    }
    recorder.finished(method(http), status, start);
  }

  @Override
  public void servletRoute(Object exchange, ServletRoute route) {
    ((HttpServerExchange) exchange).putAttachment(SERVLET_ROUTE, route);
  }

  /**
   * The recorder of a request a servlet deployment mapped: read at completion, before Undertow
   * frees the servlet request's attributes (when it closes the exchange, after its listeners).
   */
  private static RouteRecorder servletRecorder(HttpServerExchange http, int status) {
    ServletRoute route = http.getAttachment(SERVLET_ROUTE);
    if (route == null) {
      return null;
    }
    Object request = UndertowHooks.servletRequestOf(http);
    return request == null ? route.recorder() : ServletHooks.recorder(request, route, status);
  }

  private static boolean isHttps(HttpServerExchange http) {
    return "https".equals(http.getRequestScheme());
  }

  private static int method(HttpServerExchange http) {
    // Undertow's own method names are constants that keep their string.
    return RouteRecorder.method(http.getRequestMethod().toString());
  }
}
