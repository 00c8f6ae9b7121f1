package io.github.statusexporter.agent;

import io.github.statusexporter.instrumentation.jaxrs.JaxRsFrameworks;
import io.github.statusexporter.instrumentation.netty.ReactorNetty;
import io.github.statusexporter.instrumentation.servlet.ServletContainers;
import io.github.statusexporter.instrumentation.undertow.Undertow;
import io.github.statusexporter.instrumentation.vertx.VertxServer;
import io.github.statusexporter.instrumentation.weaving.Hook;
import io.github.statusexporter.instrumentation.webflux.SpringWebFlux;
import java.util.List;

/**
 * Every class the agent weaves request recording into, found by name as the application loads it. A
 * new server or framework is one more hook here. (The JDK's own HTTP server is instrumented
 * otherwise, through its service provider: {@code JdkServerInstrumentation}.)
 */
final class InstrumentedServers {
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
          VertxServer.ROUTE,
          VertxServer.VERTX_5_1);

  private InstrumentedServers() {}
}
