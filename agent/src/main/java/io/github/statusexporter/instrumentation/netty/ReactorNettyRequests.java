package io.github.statusexporter.instrumentation.netty;

import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.RouteRecorder;
import io.github.statusexporter.instrumentation.ServerRoutes;
import io.netty.channel.Channel;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpRouteHandlerMetadata;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerState;

/**
 * Records the requests of Reactor Netty's HTTP server, through its public interfaces only: its
 * request class is package-private, and a copy of this adapter lives in another package at run
 * time. The connection given is the server's operations of one request, which implement {@link
 * HttpServerRequest}, {@link HttpServerResponse} and {@link Connection}.
 */
public final class ReactorNettyRequests extends NettyServerApi {
  /** One per netty in the JVM: {@code valueOf} returns the key of that name if there is one. */
  private static final AttributeKey<ConnectionRequests> REQUESTS =
      AttributeKey.valueOf("io.github.statusexporter.requests");

  @Override
  public void stateChanged(Object connection, Object state) {
    // The constants of HttpServerState are subclasses of it: compared by identity.
    if (state != HttpServerState.REQUEST_RECEIVED) {
      return;
    }
    ServerRoutes routes = NettyRoutes.current();
    if (routes == null) {
      return;
    }
    HttpServerRequest request = (HttpServerRequest) connection;
    if (routes.mayServeAgentReads(request.uri())
        && RequestRecording.isAgentUserAgent(request.requestHeaders().get("User-Agent"))) {
      return;
    }
    Attribute<ConnectionRequests> attribute = ((Connection) connection).channel().attr(REQUESTS);
    ConnectionRequests requests = attribute.get();
    if (requests == null) {
      requests = new ConnectionRequests();
      attribute.set(requests);
    }
    int method = RouteRecorder.method(request.method().name());
    boolean https = "https".equals(request.scheme());
    if (requests.begin(request.timestamp(), method, https, System.nanoTime()) != null) {
      routes.begun(https, method);
    }
  }

  @Override
  public void terminated(Object operations) {
    ConnectionRequests.Request request = find(operations);
    if (request == null) {
      return;
    }
    ServerRoutes routes = NettyRoutes.current();
    if (routes != null) {
      String template = request.template();
      String path =
          template == null && routes.hasUserTemplates()
              ? NettyRoutes.path(((HttpServerRequest) operations).uri())
              : null;
      routes
          .recorder(request.https(), request.context(), template, path)
          .finished(request.method(), status(operations), request.startNanos());
    }
    request.end();
  }

  @Override
  public void routed(Object route, Object serverRequest) {
    // Null for a route of a predicate of the user's own, which has no path.
    String path = ((HttpRouteHandlerMetadata) route).getPath();
    if (path != null) {
      template(serverRequest, "", path);
    }
  }

  @Override
  public void template(Object serverRequest, String context, String template) {
    ConnectionRequests.Request request = find(serverRequest);
    if (request != null) {
      request.template(context, template);
    }
  }

  /** The status the client saw; -1 if it saw none. */
  private static int status(Object operations) {
    // A WebSocket ends when its session does, on operations that took over from the request's:
    // the handshake sent the 101, which they do not know of.
    if (((HttpServerRequest) operations).isWebsocket()) {
      return 101;
    }
    HttpServerResponse response = (HttpServerResponse) operations;
    // No headers sent: the client went away first.
    return response.hasSentHeaders() ? response.status().code() : -1;
  }

  private static ConnectionRequests.Request find(Object operations) {
    Channel channel = ((Connection) operations).channel();
    // hasAttr: no attribute made on connections that never had a request recorded.
    if (!channel.hasAttr(REQUESTS)) {
      return null;
    }
    ConnectionRequests requests = channel.attr(REQUESTS).get();
    return requests == null ? null : requests.find(((HttpServerRequest) operations).timestamp());
  }
}
