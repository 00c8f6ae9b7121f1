package io.github.statusexporter.instrumentation.vertx;

import io.github.statusexporter.instrumentation.RequestRecording;
import io.github.statusexporter.instrumentation.RouteRecorder;
import io.github.statusexporter.instrumentation.ServerRoutes;
import io.netty.channel.Channel;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import java.lang.reflect.Field;

/**
 * Records the requests of Vert.x's HTTP server through its public request and response API, and the
 * public {@code ConnectionBase.channel()} of its connections (HTTP/1.x and HTTP/2 alike). A request
 * is known by its response: the server's request and vertx-web's wrapper of it give the same one.
 */
public final class VertxRequests extends VertxServerApi {
  /** One per netty in the JVM: {@code valueOf} returns the key of that name if there is one. */
  private static final AttributeKey<ConnectionRequests> REQUESTS =
      AttributeKey.valueOf("io.github.statusexporter.vertx.requests");

  @Override
  public void begun(Object serverRequest) {
    ServerRoutes routes = VertxRoutes.current();
    if (routes == null) {
      return;
    }
    HttpServerRequest request = (HttpServerRequest) serverRequest;
    HttpServerResponse response = request.response();
    if (routes.mayServeAgentReads(request.uri())
        && RequestRecording.isAgentUserAgent(request.getHeader("User-Agent"))) {
      return;
    }
    Attribute<ConnectionRequests> attribute = channel(request).attr(REQUESTS);
    ConnectionRequests requests = attribute.get();
    if (requests == null) {
      requests = new ConnectionRequests();
      attribute.set(requests);
    }
    int method = RouteRecorder.method(request.method().name());
    boolean https = request.isSSL();
    if (requests.begin(response, method, https, System.nanoTime()) != null) {
      routes.begun(https, method);
    }
  }

  @Override
  public void ended(Object serverRequest) {
    HttpServerRequest request = (HttpServerRequest) serverRequest;
    HttpServerResponse response = request.response();
    ConnectionRequests.Request ended = find(request, response);
    if (ended == null) {
      return;
    }
    int method = ended.method();
    boolean https = ended.https();
    long startNanos = ended.startNanos();
    String template = ended.template();
    // No head sent: the connection closed before any answer, which the client never saw.
    int status = response.headWritten() ? response.getStatusCode() : -1;
    if (!ended.end(response)) {
      return; // ended on another thread meanwhile
    }
    ServerRoutes routes = VertxRoutes.current();
    if (routes != null) {
      String path = template == null && routes.hasUserTemplates() ? request.path() : null;
      routes.recorder(https, "", template, path).finished(method, status, startNanos);
    }
  }

  @Override
  public void template(Object serverRequest, String template) {
    HttpServerRequest request = unwrapped((HttpServerRequest) serverRequest);
    ConnectionRequests.Request routed = find(request, request.response());
    if (routed != null) {
      routed.template(template);
    }
  }

  /**
   * The field of Vert.x core's HttpServerRequestWrapper (4 and 5) that holds the wrapped request.
   */
  private static final ClassValue<Field> DELEGATE =
      new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
          // vertx-web's HttpServerRequestWrapper extends core's, which holds the field.
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getSimpleName().equals("HttpServerRequestWrapper")) {
              try {
                Field delegate = c.getDeclaredField("delegate");
                delegate.setAccessible(true);
                return delegate;
              } catch (NoSuchFieldException e) {
                continue;
              } catch (RuntimeException e) {
                return null; // not the wrapper we know: its request is taken as it is
              }
            }
          }
          return null;
        }
      };

  /**
   * The request the server recorded, under the wrappers around it: vertx-web's own, and Quarkus'
   * {@code QuarkusRequestWrapper} beneath it, whose response is a wrapper too, not the one
   * recorded.
   */
  private static HttpServerRequest unwrapped(HttpServerRequest request) {
    HttpServerRequest current = request;
    for (int depth = 0; depth < 4; depth++) {
      Field delegate = DELEGATE.get(current.getClass());
      if (delegate == null) {
        return current;
      }
      try {
        Object inner = delegate.get(current);
        if (!(inner instanceof HttpServerRequest)) {
          return current;
        }
        current = (HttpServerRequest) inner;
      } catch (IllegalAccessException e) {
        return current;
      }
    }
    return current;
  }

  private static ConnectionRequests.Request find(
      HttpServerRequest request, HttpServerResponse response) {
    if (response == null) {
      return null; // a pipelined HTTP/1.1 request that never began: its connection failed first
    }
    Channel channel = channel(request);
    // hasAttr: no attribute made on connections that never had a request recorded.
    if (!channel.hasAttr(REQUESTS)) {
      return null;
    }
    ConnectionRequests requests = channel.attr(REQUESTS).get();
    return requests == null ? null : requests.find(response);
  }

  private static Channel channel(HttpServerRequest request) {
    return ((ConnectionBase) request.connection()).channel();
  }
}
