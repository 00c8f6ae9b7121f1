package io.github.statusexporter.instrumentation.undertow;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;

/** Reads the servlet request Undertow's servlet layer attached to an exchange. */
public final class UndertowServletRequests extends UndertowServletApi {
  /** Fails to load, so the adapter is not used, where undertow-servlet is absent. */
  private static final Object CONTEXT_KEY = ServletRequestContext.ATTACHMENT_KEY;

  @Override
  public Object servletRequest(Object exchange) {
    ServletRequestContext context =
        ((HttpServerExchange) exchange).getAttachment(ServletRequestContext.ATTACHMENT_KEY);
    return context == null ? null : context.getServletRequest();
  }
}
