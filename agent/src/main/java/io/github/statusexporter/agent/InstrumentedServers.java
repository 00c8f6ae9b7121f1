package io.github.statusexporter.agent;

import io.github.statusexporter.instrumentation.jaxrs.JaxRsFrameworks;
import io.github.statusexporter.instrumentation.netty.ReactorNetty;
import io.github.statusexporter.instrumentation.servlet.ServletContainers;
import io.github.statusexporter.instrumentation.undertow.Undertow;
import io.github.statusexporter.instrumentation.vertx.VertxServer;
import io.github.statusexporter.instrumentation.weaving.Hook;
import io.github.statusexporter.instrumentation.weaving.HookTransformer;
import io.github.statusexporter.instrumentation.weaving.KnownServer;
import io.github.statusexporter.instrumentation.webflux.SpringWebFlux;
import java.util.List;

/**
 * Every class the agent weaves request recording into, found by name as the application loads it. A
 * new server or framework is one more hook here. (The JDK's own HTTP server is instrumented
 * otherwise, through its server provider: {@code JdkServerInstrumentation}.)
 */
final class InstrumentedServers {
  /**
   * Both lists, for the weaving once the application has started: making this class initialises
   * nothing of {@link InstrumentedServers} (whose hooks name their advice, and load none of it).
   */
  static final class Lists implements HookTransformer.Catalog {
    @Override
    public List<Hook> hooks() {
      return ALL;
    }

    @Override
    public List<KnownServer> known() {
      return KNOWN;
    }
  }

  static final List<Hook> ALL =
      List.of(
          ServletContainers.TOMCAT,
          ServletContainers.TOMCAT_CONNECTOR,
          ServletContainers.JETTY_12,
          ServletContainers.JETTY_CONTEXT,
          ServletContainers.JETTY_9_TO_11,
          Undertow.CONNECTORS,
          Undertow.EXCHANGE,
          Undertow.SERVLET,
          JaxRsFrameworks.JERSEY,
          ReactorNetty.REQUEST_RECEIVED,
          ReactorNetty.OPERATIONS_TERMINATED,
          ReactorNetty.ROUTED,
          SpringWebFlux.HANDLER_CHOSEN,
          VertxServer.HTTP1_REQUEST,
          VertxServer.HTTP1_CONNECTION,
          VertxServer.HTTP2_STREAM,
          VertxServer.ROUTE);

  /**
   * The versions measured of each server or framework hooked above (by the name its hooks give),
   * known by a class it always loads: one in another version is said once, and left alone.
   */
  static final List<KnownServer> KNOWN =
      List.of(
          new KnownServer(
              "Tomcat",
              "org.apache.catalina.core.StandardEngine",
              "org.apache.tomcat.embed:tomcat-embed-core",
              "9.0",
              "11"),
          new KnownServer(
              "Jetty",
              "org.eclipse.jetty.server.Server",
              "org.eclipse.jetty:jetty-server",
              "9.4",
              "12"),
          new KnownServer(
              "Undertow",
              "io.undertow.server.HttpServerExchange",
              "io.undertow:undertow-core",
              "2.0",
              "2"),
          new KnownServer(
              "Jersey",
              "org.glassfish.jersey.server.ApplicationHandler",
              "org.glassfish.jersey.core:jersey-server",
              "2.0",
              "3"),
          new KnownServer(
              "Reactor Netty",
              "reactor.netty.http.server.HttpServer",
              "io.projectreactor.netty:reactor-netty-http",
              "1.1",
              "1"),
          new KnownServer(
              "Spring WebFlux",
              "org.springframework.web.reactive.DispatcherHandler",
              "org.springframework:spring-webflux",
              "6.0",
              "7"),
          // Vert.x 5.1 moved its HTTP server to io.vertx.core.http.impl.http1 and http2.
          new KnownServer("Vert.x", "io.vertx.core.Vertx", "io.vertx:vertx-core", "4.5", "5.0"));

  private InstrumentedServers() {}
}
